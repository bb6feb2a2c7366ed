package dev.hikyaku.advisor.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Postfix's posttls-finger, the reference our probe is checked against, run on one loopback MX. */
final class PosttlsFinger {
    static final Path PROGRAM = Path.of("/usr/sbin/posttls-finger");

    /** "Untrusted TLS connection established to 127.0.0.1[127.0.0.1]:2525: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384". */
    private static final Pattern ESTABLISHED =
            Pattern.compile("TLS connection established to \\S+: (TLSv[0-9.]+) with cipher (\\S+)");

    /** What posttls-finger saw. */
    record Finding(boolean starttlsOffered, Optional<String> protocol, Optional<String> cipher, String output) {
    }

    static boolean installed() {
        return Files.isExecutable(PROGRAM);
    }

    /** Probes {@code [127.0.0.x]:port} at security level "may", as an MTA delivering opportunistically. */
    static Finding probe(String address, int port, Path configDirectory) throws IOException, InterruptedException {
        Path mainCf = configDirectory.resolve("main.cf");
        if (!Files.exists(mainCf)) {
            Files.createFile(mainCf);
        }
        ProcessBuilder builder = new ProcessBuilder(PROGRAM.toString(), "-l", "may", "-L", "summary",
                "[" + address + "]:" + port).redirectErrorStream(true);
        // posttls-finger reads main.cf from MAIL_CONFIG; an empty one keeps Postfix's built-in defaults.
        builder.environment().put("MAIL_CONFIG", configDirectory.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("posttls-finger did not finish: " + output);
        }
        Matcher matcher = ESTABLISHED.matcher(output);
        boolean established = matcher.find();
        return new Finding(established || output.contains("STARTTLS"),
                established ? Optional.of(matcher.group(1)) : Optional.empty(),
                established ? Optional.of(matcher.group(2)) : Optional.empty(), output);
    }
}
