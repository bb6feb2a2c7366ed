package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.advisor.store.MemoryVerdictStore;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The checker's loopback world: secure.test pinned by DANE on a STARTTLS MX, clear.test whose MX offers no
 * STARTTLS, typo.test that takes no mail; DNS and both MX on 127.0.0.0/8 only.
 */
final class LoopbackWorld implements AutoCloseable {
    final FixtureCa ca = FixtureCa.create();
    final DnsWorld dns = DnsWorld.start();
    final MxGroup mx;

    LoopbackWorld() throws IOException {
        Issued certificate = ca.server("mx.secure.test");
        mx = MxGroup.start(List.of(MxBehaviour.startTls(certificate), MxBehaviour.plain()));
        dns.signedZone("secure.test").add("@ MX 10 mx").add("mx A " + MxGroup.addressOf(0).getHostAddress())
                .add("_25._tcp.mx TLSA 3 1 1 " + sha256(certificate.certificate().getPublicKey().getEncoded()));
        dns.zone("clear.test").add("@ MX 10 mx").add("mx A " + MxGroup.addressOf(1).getHostAddress());
        dns.zone("typo.test").add("@ MX 0 .");
    }

    /** The engine the gateway would build for this world, with a cache of its own. */
    EngineChecker checker() {
        EngineSettings settings = new EngineSettings(dns.address(), TrustAnchors.fromText(dns.trustAnchors()),
                TrustedCas.systemPlus(List.of(ca.root())), mx.port(), 443, Duration.ofSeconds(3), "checker.test");
        return new EngineChecker(() -> new EngineChecker.Parts(settings, new MemoryVerdictStore()), Clock.systemUTC());
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        mx.close();
        dns.close();
    }
}
