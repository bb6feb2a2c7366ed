package dev.hikyaku.gateway.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Writes what stays of a message's body as parts of a zip copy: whole entities byte for byte, pruned ones rebuilt. */
final class KeptParts {
    private static final byte[] CRLF = {'\r', '\n'};

    private KeptParts() {
    }

    /** The parts that stay, as parts of the copy's multipart/mixed: a mixed message's own parts are lifted up. */
    static List<Pruning.Kept> of(Entity message, Optional<Pruning.Kept> kept) {
        if (kept.isEmpty()) {
            return List.of();
        }
        if (kept.get() instanceof Pruning.Rebuilt rebuilt && rebuilt.entity() == message
                && message.content().type().equals("multipart/mixed")) {
            return rebuilt.children();
        }
        return List.of(kept.get());
    }

    /**
     * Writes one part (without the line break before the next delimiter). The message itself gets its content
     * fields as header; a rebuilt multipart keeps its own header and boundary with only the kept parts.
     */
    static void write(Pruning.Kept part, Entity message, CopyOutput out) throws IOException {
        Entity entity = part.entity();
        if (entity == message) {
            CopyHeader.contentFields(message, out);
            out.write(CRLF);
        } else if (part instanceof Pruning.Whole) {
            out.copy(entity.start(), entity.end());
            return;
        } else {
            out.copy(entity.start(), entity.bodyStart());
        }
        if (part instanceof Pruning.Rebuilt rebuilt) {
            byte[] boundary = entity.content().boundary().orElseThrow().getBytes(StandardCharsets.UTF_8);
            for (Pruning.Kept child : rebuilt.children()) {
                out.ascii("--");
                out.write(boundary);
                out.write(CRLF);
                write(child, message, out);
                out.write(CRLF);
            }
            out.ascii("--");
            out.write(boundary);
            out.ascii("--\r\n");
        } else {
            out.copy(entity.bodyStart(), entity.end());
        }
    }
}
