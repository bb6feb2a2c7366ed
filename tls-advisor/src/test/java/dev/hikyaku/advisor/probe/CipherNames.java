package dev.hikyaku.advisor.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** OpenSSL's cipher names (which Postfix prints) to the IANA names the JDK uses, as OpenSSL itself maps them. */
final class CipherNames {
    private final Map<String, String> table;

    private CipherNames(Map<String, String> table) {
        this.table = Map.copyOf(table);
    }

    String toIana(String openSslName) {
        return table.getOrDefault(openSslName, openSslName);
    }

    static CipherNames fromOpenSsl() {
        try {
            Process process = new ProcessBuilder("openssl", "ciphers", "-stdname", "ALL:@SECLEVEL=0")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            Map<String, String> names = new HashMap<>();
            // Lines read "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 - ECDHE-RSA-AES256-GCM-SHA384 TLSv1.2 ...".
            for (String line : output.split("\n")) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 3 && words[1].equals("-")) {
                    names.put(words[2], words[0]);
                }
            }
            return new CipherNames(names);
        } catch (IOException e) {
            throw new UncheckedIOException("openssl is needed to map cipher names", e);
        }
    }
}
