package dev.hikyaku.gateway.archive;

import static dev.hikyaku.gateway.mime.TestMessages.base64;
import static dev.hikyaku.gateway.mime.TestMessages.bytes;
import static dev.hikyaku.gateway.mime.TestMessages.encodedWord;
import static dev.hikyaku.gateway.mime.TestMessages.percentEncoded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.mime.Attachment;
import dev.hikyaku.gateway.mime.MailAddress;
import dev.hikyaku.gateway.mime.Problem;
import dev.hikyaku.gateway.mime.TestMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    private static final Instant NOW = Instant.parse("2025-06-03T01:20:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;
    private Path spool;
    private Archive archive;

    @BeforeEach
    void open() throws IOException {
        spool = Files.createDirectories(temp.resolve("spool"));
        archive = Archive.open(temp.resolve("archive"), CLOCK);
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    private Path spoolFile(String name, byte[] content) throws IOException {
        return Files.write(spool.resolve(name), content);
    }

    private void record(String id, byte[] message, String sender, List<String> recipients, Instant at)
            throws IOException {
        archive.recordSubmission(id, spoolFile(id + ".eml", message), sender, recipients, at);
    }

    private List<String> ids(ArchiveQuery query) throws IOException {
        return archive.search(query).stream().map(ArchiveEntry::id).toList();
    }

    private List<String> ids(String text) throws IOException {
        return ids(ArchiveQuery.text(text));
    }

    /** A mail whose words each appear in one place only, to prove each place is searched. */
    private static byte[] specification() {
        return bytes(
                "From: Suzuki <suzuki@vendor.example>",
                "To: " + encodedWord("購買部", "ISO-2022-JP") + " <purchasing@example.co.jp>",
                "Subject: " + encodedWord("新製品のご案内", "ISO-2022-JP"),
                "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
                base64("添付の資料をご確認ください。Delivery schedule inside.", "UTF-8"),
                "--b", "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename*=UTF-8''" + percentEncoded("製品仕様書_v2.pdf"), "",
                "%PDF-1.4",
                "--b--");
    }

    @Test
    void findsByEnglishAndJapaneseWordsAddressesAndAttachmentNames() throws IOException {
        record("quote", TestMessages.japaneseQuote(), "taro@example.co.jp",
                List.of("hanako@partner.example", "jiro@other.example"), NOW.minusSeconds(60));
        record("spec", specification(), "suzuki@vendor.example", List.of("purchasing@example.co.jp"), NOW);

        assertEquals(List.of("quote"), ids("invoice"), "English word in the body");
        assertEquals(List.of("quote"), ids("Invo"), "the start of a word being typed");
        assertEquals(List.of("quote"), ids("ＩＮＶＯＩＣＥ"), "full-width letters");
        assertEquals(List.of("quote"), ids("お見積り"), "Japanese word inside an ISO-2022-JP subject");
        assertEquals(List.of("spec"), ids("新製品"), "Japanese word inside another subject");
        assertEquals(List.of("quote"), ids("請求書"), "Japanese word inside a UTF-8 body");
        assertEquals(List.of("quote"), ids("請求"), "two characters, shorter than a trigram");
        assertEquals(List.of("spec"), ids("資"), "one character");
        assertEquals(List.of("spec"), ids("仕様書"), "Japanese word inside an RFC 2231 attachment name");
        assertEquals(List.of("spec"), ids("製品仕様書_v2.pdf"), "a whole attachment name, underscore literal");
        assertEquals(List.of("quote"), ids("hanako@partner.example"), "a header and envelope address");
        assertEquals(List.of("spec", "quote"), ids("example.co.jp"), "newest first");
        assertEquals(List.of("spec"), ids("購買部"), "a decoded display name");
        assertEquals(List.of("quote"), ids("山田 invoice"), "all words must match");
        assertEquals(List.of(), ids("山田 schedule"));
        assertEquals(List.of("spec", "quote"), ids("   "), "blank text matches everything");
        assertEquals(List.of("spec", "quote"), ids(""));

        ArchiveEntry spec = archive.search(ArchiveQuery.text("仕様書")).get(0);
        assertEquals("suzuki@vendor.example", spec.sender());
        assertEquals("新製品のご案内", spec.subject());
        assertEquals(NOW, spec.receivedAt());
        assertEquals(List.of("製品仕様書_v2.pdf"), spec.attachmentNames());
        assertEquals(List.of(new RecipientStatus("purchasing@example.co.jp", "pending", "", Optional.empty())),
                spec.recipients());
        assertEquals(MessageState.RECEIVED, spec.state());
    }

    @Test
    void userTextCannotInjectQuerySyntax() throws IOException {
        record("quote", TestMessages.japaneseQuote(), "taro@example.co.jp", List.of("hanako@partner.example"),
                NOW);
        for (String hostile : List.of("\"", "\"invoice\" OR \"x", "invoice*", "NEAR(invoice attached)",
                "subject:invoice", "'; DROP TABLE message; --", "%", "_", "\\", "%%%", "a\"b", "^inv", "{body}: x",
                "\u0000inv")) {
            List<String> found = ids(hostile);
            assertTrue(found.isEmpty() || found.equals(List.of("quote")), hostile);
        }
        assertEquals(List.of(), ids("%"), "a percent sign is a literal character, not a wildcard");
        assertEquals(List.of(), ids("'; DROP TABLE message; --"));
        assertEquals(List.of("quote"), ids("invoice"), "the table is still there");
    }

    @Test
    void filtersByDateDomainAndVerdict() throws IOException {
        Instant day1 = Instant.parse("2025-06-01T00:00:00Z");
        Instant day2 = Instant.parse("2025-06-02T00:00:00Z");
        Instant day3 = Instant.parse("2025-06-03T00:00:00Z");
        byte[] mail = bytes("Subject: report", "", "monthly report");
        record("a", mail, "me@example.co.jp", List.of("x@partner.example"), day1);
        record("b", mail, "me@example.co.jp", List.of("y@mail.partner.example"), day2);
        record("c", mail, "me@partner.example", List.of("z@other.example"), day3);
        archive.recordVerdict("a", "partner.example", "DANE", "TLSA matched");
        archive.recordVerdict("b", "mail.partner.example", "OPPORTUNISTIC", "STARTTLS without policy");
        archive.recordVerdict("c", "other.example", "plaintext", "no STARTTLS");

        assertEquals(List.of("b"), ids(ArchiveQuery.all().receivedBetween(day2, day3)));
        assertEquals(List.of("c", "b"), ids(ArchiveQuery.text("report").receivedBetween(day2, day3.plusSeconds(1))));
        assertEquals(List.of("b", "a"), ids(ArchiveQuery.all().toDomain("Partner.Example")),
                "subdomains count; the sender's domain does not");
        assertEquals(List.of("b"), ids(ArchiveQuery.all().toDomain("mail.partner.example")));
        assertEquals(List.of(), ids(ArchiveQuery.all().toDomain("artner.example")), "no partial labels");
        assertEquals(List.of("c"), ids(ArchiveQuery.all().withVerdictLevel("PLAINTEXT")));
        assertEquals(List.of("a"), ids(ArchiveQuery.all().withVerdictLevel("dane").toDomain("partner.example")));
        assertEquals(List.of("b"), ids(ArchiveQuery.all().page(1, 1)));
        assertEquals(List.of("a"), ids(ArchiveQuery.all().page(5, 2)));

        archive.recordVerdict("c", "other.example", "MTA-STS", "policy enforce");
        assertEquals(List.of(), ids(ArchiveQuery.all().withVerdictLevel("plaintext")), "a verdict is replaced");
    }

    @Test
    void exportsTheOriginalAndVariantsByteForByte() throws IOException {
        byte[] original = new byte[70_000];
        new Random(7).nextBytes(original);
        byte[] variant = bytes("Subject: zipped copy", "", "see the zip");
        record("raw", original, "a@example.com", List.of("b@example.net"), NOW);
        archive.recordVariant("raw", "zip", List.of("b@example.net", "bcc@example.com"),
                spoolFile("variant.eml", variant));

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        archive.exportEml("raw", exported);
        assertArrayEquals(original, exported.toByteArray());
        ByteArrayOutputStream exportedVariant = new ByteArrayOutputStream();
        archive.exportVariant("raw", "zip", exportedVariant);
        assertArrayEquals(variant, exportedVariant.toByteArray());

        assertEquals(List.of("raw"), ids("bcc@example.com"), "a variant's recipients are searchable");
        assertEquals(List.of("raw"), ids(ArchiveQuery.all().toDomain("example.com")));
        assertThrows(IllegalArgumentException.class, () -> archive.exportEml("nope", new ByteArrayOutputStream()));
        assertThrows(IllegalArgumentException.class,
                () -> archive.exportVariant("raw", "nope", new ByteArrayOutputStream()));
    }

    @Test
    void recordingTwiceIsHarmless() throws IOException {
        byte[] first = bytes("Subject: first version", "", "body");
        record("twice", first, "a@example.com", List.of("b@example.net"), NOW);
        archive.recordDelivery("twice", "b@example.net", "sent", "250 ok", NOW.plusSeconds(5));
        archive.recordSubmission("twice", spoolFile("again.eml", bytes("Subject: other", "", "x")),
                "a@example.com", List.of("b@example.net"), NOW.plusSeconds(30));
        archive.recordDelivery("twice", "b@example.net", "sent", "250 ok", NOW.plusSeconds(5));

        List<ArchiveEntry> all = archive.search(ArchiveQuery.all());
        assertEquals(1, all.size());
        assertEquals("first version", all.get(0).subject());
        assertEquals(NOW, all.get(0).receivedAt());
        assertEquals(1, archive.find("twice").orElseThrow().deliveries().size());
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        archive.exportEml("twice", exported);
        assertArrayEquals(first, exported.toByteArray());
    }

    @Test
    void garbageIsRecordedWithProblemsAndFoundByItsEnvelope() throws IOException {
        byte[] garbage = new byte[5000];
        new Random(1).nextBytes(garbage);
        byte[] broken = bytes("From: <<<", "Date: yesterday-ish", "Content-Type: multipart/mixed; boundary=z", "",
                "--z", "Content-Type: text/plain; charset=x-nonsense", "", "\u00ff\u00fe text");
        record("garbage", garbage, "sender@garbage.example", List.of("rcpt@victim.example"), NOW);
        record("broken", broken, "sender@broken.example", List.of("rcpt@victim.example"), NOW.plusSeconds(1));

        assertEquals(List.of("garbage"), ids("sender@garbage.example"));
        assertEquals(List.of("broken", "garbage"), ids(ArchiveQuery.all().toDomain("victim.example")));
        ArchivedMessage message = archive.find("broken").orElseThrow();
        List<Problem.Kind> kinds = message.summary().problems().stream().map(Problem::kind).toList();
        assertTrue(kinds.containsAll(List.of(Problem.Kind.UNPARSEABLE_DATE, Problem.Kind.UNKNOWN_CHARSET,
                Problem.Kind.TRUNCATED)), kinds.toString());
        assertEquals(garbage.length, archive.find("garbage").orElseThrow().summary().totalSize());
    }

    @Test
    void theOriginalSurvivesDeletionOfTheCallersFile() throws IOException {
        byte[] message = TestMessages.japaneseQuote();
        Path spoolFile = spoolFile("spooled.eml", message);
        archive.recordSubmission("kept", spoolFile, "taro@example.co.jp", List.of("hanako@partner.example"), NOW);
        Files.delete(spoolFile);

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        archive.exportEml("kept", exported);
        assertArrayEquals(message, exported.toByteArray());
    }

    @Test
    void findReturnsEverythingRecorded() throws IOException {
        record("full", TestMessages.japaneseQuote(), "taro@example.co.jp",
                List.of("hanako@partner.example", "jiro@other.example"), NOW);
        archive.recordVerdict("full", "partner.example", "DANE", "TLSA matched");
        archive.recordPlan("full", "{\"groups\":[{\"action\":\"as-is\"}]}");
        archive.recordVariant("full", "as-is", List.of("hanako@partner.example"), spoolFile("v.eml", bytes("x")));
        archive.recordDelivery("full", "hanako@partner.example", "deferred", "451 try later", NOW.plusSeconds(10));
        archive.recordDelivery("full", "hanako@partner.example", "SENT", "250 2.0.0 ok", NOW.plusSeconds(70));

        ArchivedMessage message = archive.find("full").orElseThrow();
        assertEquals(NOW, message.receivedAt());
        assertEquals(NOW, message.archivedAt());
        assertEquals("taro@example.co.jp", message.envelopeSender());
        assertEquals(List.of("hanako@partner.example", "jiro@other.example"), message.envelopeRecipients());
        assertEquals("お見積りのご送付 (Quote)", message.summary().subject());
        assertEquals(Optional.of("<quote-1@example.co.jp>"), message.summary().messageId());
        assertEquals(Optional.of(Instant.parse("2025-06-03T01:15:00Z")), message.summary().date());
        assertEquals(List.of(new MailAddress("taro@example.co.jp", "山田 太郎")), message.summary().from());
        assertTrue(message.summary().bodyText().contains("請求書と見積書をお送りします。"));
        assertEquals(new Attachment("2", "見積書.pdf", "application/pdf", 1234, false),
                message.summary().attachments().get(1));
        assertEquals(TestMessages.japaneseQuote().length, message.summary().totalSize());
        assertEquals(List.of(new VerdictRecord("partner.example", "DANE", "TLSA matched", NOW)), message.verdicts());
        assertEquals(List.of(new VariantRecord("as-is", List.of("hanako@partner.example"), 3, NOW)),
                message.variants());
        assertEquals(2, message.deliveries().size());
        assertEquals(List.of(
                new RecipientStatus("hanako@partner.example", "sent", "250 2.0.0 ok",
                        Optional.of(NOW.plusSeconds(70))),
                new RecipientStatus("jiro@other.example", "pending", "", Optional.empty())), message.recipients());
        assertEquals(Optional.of("{\"groups\":[{\"action\":\"as-is\"}]}"), message.plan());
        assertEquals(MessageState.IN_PROGRESS, message.state());
        assertEquals(Optional.empty(), archive.find("unknown"));
    }

    @Test
    void theStateFollowsTheDeliveries() throws IOException {
        byte[] mail = bytes("Subject: s", "", "b");
        record("m", mail, "a@example.com", List.of("x@example.net", "y@example.net"), NOW);
        archive.recordDelivery("m", "x@example.net", "sent", "", NOW);
        archive.recordDelivery("m", "y@example.net", "failed", "550 no such user", NOW);
        assertEquals(MessageState.PARTLY_SENT, archive.find("m").orElseThrow().state());
        archive.recordDelivery("m", "y@example.net", "sent", "", NOW.plusSeconds(1));
        assertEquals(MessageState.SENT, archive.find("m").orElseThrow().state());

        record("n", mail, "a@example.com", List.of("x@example.net"), NOW);
        archive.recordDelivery("n", "x@example.net", "failed", "550", NOW);
        assertEquals(MessageState.FAILED, archive.search(ArchiveQuery.all()).get(0).state());

        record("o", mail, "a@example.com", List.of("x@example.net"), NOW);
        archive.markCancelled("o", NOW.plusSeconds(3));
        archive.markCancelled("o", NOW.plusSeconds(9));
        ArchivedMessage cancelled = archive.find("o").orElseThrow();
        assertEquals(MessageState.CANCELLED, cancelled.state());
        assertEquals(Optional.of(NOW.plusSeconds(3)), cancelled.cancelledAt());

        assertThrows(IllegalArgumentException.class, () -> archive.recordDelivery("nope", "x", "sent", "", NOW));
        assertThrows(IllegalArgumentException.class, () -> archive.markCancelled("nope", NOW));
    }

    @Test
    void reopeningKeepsEverythingAndTheSchemaIsVersioned() throws Exception {
        record("persist", TestMessages.japaneseQuote(), "taro@example.co.jp", List.of("hanako@partner.example"),
                NOW);
        archive.close();
        archive = Archive.open(temp.resolve("archive"), CLOCK);
        assertEquals(List.of("persist"), ids("請求書"));

        Path database = temp.resolve("archive").resolve("archive.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("PRAGMA user_version")) {
                assertEquals(1, result.getInt(1));
            }
            try (ResultSet result = statement.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", result.getString(1).toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void anArchiveFromANewerReleaseIsRefused() throws Exception {
        archive.close();
        Path database = temp.resolve("archive").resolve("archive.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        ArchiveException refused = assertThrows(ArchiveException.class,
                () -> Archive.open(temp.resolve("archive"), CLOCK));
        assertEquals("archive.newer", refused.messageKey());
        assertTrue(refused.message(Locale.JAPANESE).contains("新しいバージョン"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 1");
        }
        archive = Archive.open(temp.resolve("archive"), CLOCK);
    }

    @Test
    void recordsAndSearchesFromManyThreadsAtOnce() throws Exception {
        int threads = 4;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = "t" + thread + "-" + i;
                        record(id, bytes("Subject: concurrent " + id, "", "words"), "a@example.com",
                                List.of("b@example.net"), NOW.plusSeconds(i));
                        archive.recordDelivery(id, "b@example.net", "sent", "", NOW);
                        assertFalse(archive.search(ArchiveQuery.text("concurrent")).isEmpty());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread,
                archive.search(ArchiveQuery.text("concurrent").page(ArchiveQuery.MAX_LIMIT, 0)).size());
    }
}
