package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.SENDER;
import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.packaging.SevenZip;
import dev.hikyaku.gateway.packaging.passphrase.Contact;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.PackagingPolicy;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each group's copy as its route deserves, through the real gateway to the real upstream. */
class GatewayPackagingTest {
    private static final String AGREED = "Kumo-no-ue-2026";
    private static final String HINT = "the name of our joint project";
    private static final byte[] ATTACHMENT = attachment();
    private static final String HEADERS = "From: Taro <" + SENDER + ">\r\n"
            + "To: a@secure.test, b@plain.test, c@clear.test\r\n"
            + "Cc: d@clear.test\r\n"
            + "Subject: =?UTF-8?B?6KaL56mN5pu4?=\r\n"
            + "Date: Mon, 23 Nov 2026 10:00:00 +0900\r\n"
            + "Message-ID: <quote-1@office.test>\r\n";
    private static final byte[] MESSAGE = (HEADERS
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
            + "\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "お見積りを添付します。\r\n"
            + "--b1\r\n"
            + "Content-Type: application/pdf; name=\"mitsumori.pdf\"\r\n"
            + "Content-Disposition: attachment; filename=\"mitsumori.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + Base64.getMimeEncoder().encodeToString(ATTACHMENT) + "\r\n"
            + "--b1--\r\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;
    private GatewayWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new GatewayWorld(folder);
        world.upstream(world.startTls());
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private static byte[] attachment() {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private ReceivedMessage copyFor(String recipient) {
        return world.upstream.messages().stream().filter(message -> message.recipients().contains(recipient))
                .findFirst().orElseThrow(() -> new AssertionError("no copy for " + recipient));
    }

    @Test
    void tlsRoutesGetTheMessageAsWrittenAndPlaintextRoutesAnAesZipWithTheAgreedPassphrase() throws Exception {
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.gateway.passphrases().put(Contact.domain("clear.test"), AGREED.toCharArray(), HINT);
        world.submit(MESSAGE, List.of("a@secure.test", "b@plain.test", "c@clear.test", "d@clear.test"), null, null);
        await(() -> world.upstream.messages().size() == 3, "one copy per group");

        assertArrayEquals(MESSAGE, copyFor("a@secure.test").raw(), "an authenticated route gets the bytes as submitted");
        assertArrayEquals(MESSAGE, copyFor("b@plain.test").raw(), "an encrypted route too, attachment intact");

        ReceivedMessage zipped = copyFor("c@clear.test");
        assertEquals(List.of("c@clear.test", "d@clear.test"), zipped.recipients(), "one envelope for the group");
        assertTrue(new String(zipped.raw(), StandardCharsets.UTF_8).startsWith(HEADERS),
                "the visible headers are those the sender wrote");
        assertNoAttachmentBytes(zipped.raw());
        assertFalse(new String(zipped.raw(), StandardCharsets.UTF_8).contains(AGREED), "the passphrase never travels");

        MimeMessage parsed = parse(zipped.raw());
        String note = noteText(parsed);
        assertTrue(note.contains(HINT), note);
        Path zip = saveZip(parsed, folder.resolve("received.zip"));
        try (ZipFile zip4j = new ZipFile(zip.toFile(), AGREED.toCharArray())) {
            FileHeader header = zip4j.getFileHeaders().get(0);
            assertTrue(header.isEncrypted());
            assertEquals("mitsumori.pdf", header.getFileName());
            try (InputStream in = zip4j.getInputStream(header)) {
                assertArrayEquals(ATTACHMENT, in.readAllBytes());
            }
        }
        SevenZip.requireInstalled();
        SevenZip.Run extracted = SevenZip.extract(zip, AGREED, "mitsumori.pdf");
        assertEquals(0, extracted.exitCode(), extracted.errors());
        assertArrayEquals(ATTACHMENT, extracted.output());
        assertNotEquals(0, SevenZip.test(zip, "not-the-passphrase").exitCode());
    }

    @Test
    void withoutAnAgreedPassphraseAFreshOneIsIssuedToTheSenderAndKeptForTheContact() throws Exception {
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("c@clear.test"), null, null);
        await(() -> world.upstream.messages().size() == 1, "the zipped copy");
        assertTrue(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.PassphraseIssued issued
                && issued.recipients().equals(List.of("c@clear.test"))));
        char[] fresh = world.gateway.passphrases().lookup("c@clear.test").orElseThrow().passphrase().chars();
        String raw = new String(world.upstream.messages().get(0).raw(), StandardCharsets.UTF_8);
        assertFalse(raw.contains(new String(fresh)), "the fresh passphrase is shown to the sender, never mailed");

        Path zip = saveZip(parse(world.upstream.messages().get(0).raw()), folder.resolve("fresh.zip"));
        try (ZipFile zip4j = new ZipFile(zip.toFile(), fresh)) {
            try (InputStream in = zip4j.getInputStream(zip4j.getFileHeaders().get(0))) {
                assertArrayEquals(ATTACHMENT, in.readAllBytes());
            }
        }
        assertTrue(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Packaged packaged
                && packaged.action().equals("aes-zip")));
    }

    @Test
    void forcedBccTakesTheExternalAddressesOutOfTheVisibleHeaders() throws Exception {
        world.guard = GatewayWorld.guard("guard.force-bcc = yes", "guard.force-bcc.threshold = 2");
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("a@secure.test", "b@plain.test"), null, null);
        await(() -> world.upstream.messages().size() == 2, "both copies");
        for (ReceivedMessage copy : world.upstream.messages()) {
            MimeMessage parsed = parse(copy.raw());
            assertEquals(null, parsed.getHeader("Cc"), "Cc held only external addresses");
            String to = parsed.getHeader("To", ",");
            assertFalse(to.contains("secure.test") || to.contains("plain.test") || to.contains("clear.test"), to);
            assertEquals("<quote-1@office.test>", parsed.getMessageID());
        }
    }

    @Test
    void thePolicyCanZipEncryptedRoutesAndRefusePlaintextOnes() throws Exception {
        Map<Level, GroupAction> byLevel = new EnumMap<>(PackagingPolicy.defaults().byLevel());
        byLevel.put(Level.ENCRYPTED, new GroupAction.PlainZip());
        byLevel.put(Level.PLAINTEXT, new GroupAction.Refuse());
        world.packaging = new PackagingPolicy(byLevel, Map.of(), Map.of(), true);
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("b@plain.test", "c@clear.test"), null, null);
        await(() -> world.upstream.messages().size() == 2, "the zipped copy and the failure notice");

        Path zip = saveZip(parse(copyFor("b@plain.test").raw()), folder.resolve("plain.zip"));
        try (ZipFile zip4j = new ZipFile(zip.toFile())) {
            FileHeader header = zip4j.getFileHeaders().get(0);
            assertFalse(header.isEncrypted(), "a plain zip");
            try (InputStream in = zip4j.getInputStream(header)) {
                assertArrayEquals(ATTACHMENT, in.readAllBytes());
            }
        }
        ReceivedMessage notice = copyFor(SENDER);
        assertTrue(((String) parse(notice.raw()).getContent()).contains("c@clear.test"), "the notice names who");
        assertTrue(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Failed failed
                && failed.recipients().equals(List.of("c@clear.test"))
                && failed.reason().equals("clear.test には送信しません: 梱包ポリシーがこの経路（暗号化されずに流れるおそれ）での送信を"
                        + "拒否しています。 / Not sent to clear.test: your packaging policy refuses mail over this route (may"
                        + " travel unencrypted).")), "the reason in both languages, for a reader of either");
    }

    @Test
    void anAgreedPassphraseThatWasNeverAgreedStopsTheCopyAndSaysWhatToDo() throws Exception {
        Map<Level, GroupAction> byLevel = new EnumMap<>(PackagingPolicy.defaults().byLevel());
        byLevel.put(Level.PLAINTEXT, new GroupAction.AesZip(GroupAction.Passphrase.AGREED));
        world.packaging = new PackagingPolicy(byLevel, Map.of(), Map.of(), true);
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("c@clear.test"), null, null);
        await(() -> world.upstream.messages().size() == 1, "the failure notice, and no copy");

        assertEquals(List.of(SENDER), world.upstream.messages().get(0).recipients(), "nothing went to c@clear.test");
        assertTrue(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Failed failed
                && failed.recipients().equals(List.of("c@clear.test"))
                && failed.reason().startsWith("送信しません: 計画（aes-zip-agreed）にはこの宛先と取り決めたパスワードが必要")
                && failed.reason().contains(" / Not sent: the plan (aes-zip-agreed) needs a passphrase agreed with this"
                        + " recipient and none is kept. Add one under Settings > Passphrases")), "what to do, in both languages");
    }

    @Test
    void forcedBccPerRecipientSendsEachExternalRecipientACopyAddressedToThemAlone() throws Exception {
        world.guard = GatewayWorld.guard("guard.force-bcc = yes", "guard.force-bcc.threshold = 2",
                "guard.force-bcc.mode = per-recipient");
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("a@secure.test", "b@plain.test", "c@clear.test"), null, null);
        await(() -> world.upstream.messages().size() == 3, "one copy each");
        for (String recipient : List.of("a@secure.test", "b@plain.test", "c@clear.test")) {
            ReceivedMessage copy = copyFor(recipient);
            assertEquals(List.of(recipient), copy.recipients());
            MimeMessage parsed = parse(copy.raw());
            assertEquals(recipient, parsed.getHeader("To", ","));
            assertEquals(null, parsed.getHeader("Cc"));
        }
    }

    private static void assertNoAttachmentBytes(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(new String(Arrays.copyOfRange(ATTACHMENT, 1000, 1064), StandardCharsets.ISO_8859_1)));
        String unwrapped = text.replace("\r\n", "");
        for (int shift = 0; shift < 3; shift++) {
            String encoded = Base64.getEncoder().encodeToString(Arrays.copyOfRange(ATTACHMENT, 3000 + shift, 3060));
            assertFalse(unwrapped.contains(encoded.substring(4, encoded.length() - 4)), "a base64 chunk in clear");
        }
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static String noteText(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        return (String) parts.getBodyPart(0).getContent();
    }

    private static Path saveZip(MimeMessage message, Path file) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".zip")) {
                try (InputStream in = part.getInputStream()) {
                    Files.write(file, in.readAllBytes());
                }
                return file;
            }
        }
        throw new AssertionError("no zip attached");
    }
}
