package dev.hikyaku.advisor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.evidence.AddressAttempt;
import dev.hikyaku.advisor.evidence.CertificateEvidence;
import dev.hikyaku.advisor.evidence.DaneEvidence;
import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.evidence.MtaStsEvidence;
import dev.hikyaku.advisor.evidence.MxEvidence;
import dev.hikyaku.advisor.verdict.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SqliteVerdictStoreTest {
    private static final Instant CHECKED = Instant.parse("2026-11-22T10:00:00Z");

    static Stream<Verdict> everyVerdict() {
        return Stream.of(new Verdict.Authenticated(Verdict.Pin.DANE, true), new Verdict.Authenticated(Verdict.Pin.MTA_STS, false),
                new Verdict.Encrypted(true), new Verdict.EncryptedUnverified(List.of("mx1.example.jp: self-signed certificate")),
                new Verdict.Plaintext(List.of("mx2.example.jp: no STARTTLS"), true), new Verdict.NoMail(Verdict.NoMailCause.NULL_MX),
                new Verdict.Unknown(Verdict.UnknownCause.DNS_FAILED, "SERVFAIL"));
    }

    static DomainReport report(String domain, Verdict verdict) {
        MxEvidence mx = new MxEvidence("mx1." + domain, 10,
                List.of(new AddressAttempt("192.0.2.1", "no_answer", "connection timed out", 5000),
                        new AddressAttempt("2001:db8::1", "tls", "", 120)),
                true, "220 mx1 ESMTP", true, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
                new CertificateEvidence("CN=mx1." + domain, "CN=Fixture CA", CHECKED.plus(Duration.ofDays(90)), "RSA 2048",
                        true, "", true, true, true),
                false, "no TLSA", Boolean.TRUE, "");
        return new DomainReport(domain, verdict, List.of(mx),
                new MtaStsEvidence("policy", "20261122", "enforce", 86400, List.of("*." + domain), ""),
                new DaneEvidence(false, "not_published", ""), "v=TLSRPTv1; rua=mailto:tls@" + domain, 321, CHECKED);
    }

    @ParameterizedTest
    @MethodSource("everyVerdict")
    void everyVerdictSurvivesTheJsonRoundTrip(Verdict verdict) throws Exception {
        ReportJson json = new ReportJson();
        DomainReport original = report("example.jp", verdict);
        String text = json.write(original);
        assertEquals(original, json.read(text));
        assertTrue(text.contains("\"level\":\"" + verdict.level().name() + "\""), text);
    }

    @Test
    void freshReportsAreFoundUntilTheyExpireAndSurviveReopening(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("verdicts.db");
        DomainReport report = report("example.jp", new Verdict.Encrypted(true));
        try (SqliteVerdictStore store = SqliteVerdictStore.open(file)) {
            store.save(report, CHECKED.plus(Duration.ofHours(24)));
        }
        try (SqliteVerdictStore store = SqliteVerdictStore.open(file)) {
            assertEquals(report, store.find("example.jp", CHECKED.plus(Duration.ofHours(23))).orElseThrow());
            assertTrue(store.find("example.jp", CHECKED.plus(Duration.ofHours(24))).isEmpty());
            assertTrue(store.find("other.jp", CHECKED).isEmpty());
        }
    }

    @Test
    void aNewerReportReplacesTheOlder(@TempDir Path folder) throws Exception {
        try (SqliteVerdictStore store = SqliteVerdictStore.open(folder.resolve("v.db"))) {
            store.save(report("example.jp", new Verdict.Encrypted(true)), CHECKED.plusSeconds(60));
            store.save(report("example.jp", new Verdict.Plaintext(List.of("mx: no STARTTLS"), false)), CHECKED.plusSeconds(60));
            assertEquals("PLAINTEXT", store.find("example.jp", CHECKED).orElseThrow().verdict().level().name());
        }
    }

    @Test
    void damagedRowsReadAsMissingSoTheDomainIsJudgedAgain(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("v.db");
        try (SqliteVerdictStore store = SqliteVerdictStore.open(file)) {
            store.save(report("example.jp", new Verdict.Encrypted(true)), CHECKED.plusSeconds(60));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = raw.createStatement()) {
            statement.executeUpdate("UPDATE verdict SET report = '{\"domain\": 12, \"verdict\": {\"level\": \"BOGUS\"}}'");
        }
        try (SqliteVerdictStore store = SqliteVerdictStore.open(file)) {
            assertTrue(store.find("example.jp", CHECKED).isEmpty());
        }
    }

    @Test
    void memoryStoreExpiresLikeTheFileStore() {
        MemoryVerdictStore store = new MemoryVerdictStore();
        store.save(report("example.jp", new Verdict.NoMail(Verdict.NoMailCause.NO_SUCH_DOMAIN)), CHECKED.plusSeconds(10));
        assertTrue(store.find("example.jp", CHECKED.plusSeconds(9)).isPresent());
        assertTrue(store.find("example.jp", CHECKED.plusSeconds(10)).isEmpty());
    }
}
