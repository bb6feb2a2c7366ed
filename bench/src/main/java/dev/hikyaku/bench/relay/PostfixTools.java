package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where Postfix's programs live here: the relay's control command and the two load-test programs. */
record PostfixTools(Path postfix, Path postconf, Path smtpSink, Path smtpSource) {
    private static final List<Path> DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"));

    /** All four programs, or empty when Postfix is not installed. */
    static Optional<PostfixTools> find() {
        Optional<Path> postfix = locate("postfix");
        Optional<Path> postconf = locate("postconf");
        Optional<Path> sink = locate("smtp-sink");
        Optional<Path> source = locate("smtp-source");
        if (postfix.isEmpty() || postconf.isEmpty() || sink.isEmpty() || source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PostfixTools(postfix.get(), postconf.get(), sink.get(), source.get()));
    }

    /** The installed version, e.g. {@code 3.7.11}, or "unknown" when postconf does not say. */
    String version() throws InterruptedException {
        try {
            Process process = new ProcessBuilder(postconf.toString(), "-d", "-h", "mail_version")
                    .redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
            }
            return process.waitFor() == 0 && output.matches("[0-9][0-9A-Za-z.-]*") ? output : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Optional<Path> locate(String name) {
        return DIRECTORIES.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
