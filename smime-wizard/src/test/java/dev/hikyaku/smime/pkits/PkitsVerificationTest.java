package dev.hikyaku.smime.pkits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.cms.Finding;
import dev.hikyaku.smime.cms.SignerReport;
import dev.hikyaku.smime.cms.SmimeVerifier;
import dev.hikyaku.testworld.reference.RequiredTool;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The NIST PKITS signed messages through {@link SmimeVerifier}: the suite's trust anchor, its CRL files as the
 * revocation source, default policy inputs. The messages carry no address the certificates name, so From is not
 * matched. In CI the suite must be installed (run-tests does); elsewhere the tests skip without it.
 */
class PkitsVerificationTest {
    // Inside every PKITS certificate's validity (2010 to 2030); the messages' own signing times (2011) are used.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Session SESSION = Session.getInstance(new Properties());

    private final PkitsData data = new PkitsData(PkitsData.DEBIAN);

    @TestFactory
    Stream<DynamicTest> everyMessageGetsThePkitsVerdict() {
        requireSuite();
        SmimeVerifier verifier = verifier();
        List<Path> messages = data.messages();
        assertTrue(messages.size() > 200, "the suite has some 220 messages, found " + messages.size());
        return messages.stream()
                .filter(file -> !PkitsExpectations.NOT_APPLICABLE.containsKey(name(file)))
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    PkitsExpectations.Expectation expected = PkitsExpectations.of(name(file))
                            .orElseThrow(() -> new AssertionError("not a PKITS test name: " + file));
                    SignerReport report = verify(verifier, file);
                    assertEquals(expected.verdict(), Verdict.of(report), () -> name(file) + ": " + report.findings()
                            + " " + report.revocation() + expected.why().map(why -> " (" + why + ")").orElse(""));
                }));
    }

    @Test
    void aRevokedIntermediateCaIsNamedAsTheReason() throws Exception {
        requireSuite();
        SignerReport report = verify(verifier(), message("SignedInvalidRevokedCATest2"));

        assertEquals(List.of(Finding.ISSUER_REVOKED), report.findings());
    }

    @Test
    void theMessagesLeftOutAreInTheSuite() {
        requireSuite();
        for (String name : PkitsExpectations.NOT_APPLICABLE.keySet()) {
            assertTrue(Files.isRegularFile(message(name)), name);
        }
    }

    private SmimeVerifier verifier() {
        return new SmimeVerifier(Set.of(new TrustAnchor(data.trustAnchor(), null)),
                new PkitsCrlChecker(data.trustAnchor(), data.certificates(), data.crls()), CLOCK);
    }

    private static SignerReport verify(SmimeVerifier verifier, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            List<SignerReport> signers = verifier.verify(new MimeMessage(SESSION, in), Optional.empty()).signers();
            assertEquals(1, signers.size(), file.toString());
            return signers.get(0);
        }
    }

    private Path message(String name) {
        return data.root().resolve("smime").resolve(name + ".eml");
    }

    private static String name(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".eml".length());
    }

    private void requireSuite() {
        RequiredTool.require(data.present(),
                "the PKITS suite is not at " + data.root() + " (Debian package python3-cryptography-vectors)");
    }
}
