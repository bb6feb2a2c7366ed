package dev.hikyaku.gateway.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a message's entities into what stays in the copy (the body text: plain and HTML text parts that are
 * neither attached nor named) and the attachments that go into the zip: every other leaf, inline images and
 * forwarded messages included, so that no attached byte stays in clear. Multiparts left with one part are
 * replaced by that part.
 */
final class Pruning {

    /** What stays of an entity. */
    sealed interface Kept permits Whole, Rebuilt {
        Entity entity();
    }

    /** The entity stays whole, byte for byte. */
    record Whole(Entity entity) implements Kept {
    }

    /** A multipart that keeps only some of its parts, under its own header and boundary. */
    record Rebuilt(Entity entity, List<Kept> children) implements Kept {
        Rebuilt {
            children = List.copyOf(children);
        }
    }

    private Pruning() {
    }

    /**
     * What stays of {@code message}, if anything; the attachments are added to {@code attachments} in order.
     *
     * @throws Unpackable when the message is S/MIME signed or encrypted, which repackaging would break
     */
    static Optional<Kept> prune(Entity message, List<Entity> attachments) throws Unpackable {
        if (message.content().smime()) {
            throw new Unpackable(PackagingException.Reason.SMIME, message.content().type());
        }
        return entity(message, attachments);
    }

    private static Optional<Kept> entity(Entity entity, List<Entity> attachments) throws Unpackable {
        Content content = entity.content();
        if (content.type().equals("multipart/signed")) {
            throw new Unpackable(PackagingException.Reason.SMIME, content.type());
        }
        if (!content.multipart()) {
            if (content.bodyText()) {
                return Optional.of(new Whole(entity));
            }
            attachments.add(entity);
            return Optional.empty();
        }
        List<Kept> kept = new ArrayList<>();
        boolean whole = true;
        for (Entity child : entity.children()) {
            Optional<Kept> part = entity(child, attachments);
            // A child kept whole stands for itself; a part collapsed into one of its own parts does not.
            whole &= part.isPresent() && part.get() instanceof Whole && part.get().entity() == child;
            part.ifPresent(kept::add);
        }
        if (whole) {
            return Optional.of(new Whole(entity));
        }
        if (kept.size() <= 1) {
            return kept.stream().findFirst();
        }
        return Optional.of(new Rebuilt(entity, kept));
    }
}
