package dev.hikyaku.app.clients.thunderbird;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.clients.LocalSubmission;
import dev.hikyaku.gateway.tls.LocalhostCertificate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThunderbirdSetupTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private static final int PORT = 10587;

    @TempDir
    Path home;

    private ThunderbirdProfile profile;
    private LocalSubmission target;
    private final ThunderbirdSetup setup = new ThunderbirdSetup(CLOCK);

    @BeforeEach
    void copyFixtureAndMakeTheGatewaysCertificate() throws Exception {
        profile = FixtureProfile.copyTo(home);
        Path data = home.resolve("hikyaku-data");
        LocalhostCertificate.loadOrCreate(data.resolve("tls"), CLOCK);
        target = LocalSubmission.read(data, PORT);
    }

    @Test
    void listsTheAccountsThatSendWithTheirOutgoingServers() throws Exception {
        List<ThunderbirdAccount> accounts = ThunderbirdSetup.accounts(profile);

        assertEquals(List.of("会社 (taro@example.co.jp)", "taro.yamada@gmail.com", "taro@home.example",
                "t.yamada@corp.example"), accounts.stream().map(ThunderbirdAccount::name).toList());
        assertEquals(List.of(Optional.of("smtp1"), Optional.of("smtp2"), Optional.of("smtp3"), Optional.of("ews4")),
                accounts.stream().map(account -> account.outgoing().map(SmtpServer::id)).toList());
        assertEquals("taro@home.example", accounts.get(2).address());
        assertEquals("pop3", accounts.get(2).incomingType());
    }

    @Test
    void pointsTheServerAtTheGatewayAndUndoRestoresBothFilesByteForByte() throws Exception {
        byte[] prefsBefore = Files.readAllBytes(profile.prefsJs());
        byte[] overridesBefore = Files.readAllBytes(profile.directory().resolve("cert_override.txt"));
        List<String> linesBefore = lines(profile.prefsJs());

        SetupPlan plan = setup.plan(profile, "smtp1", target);
        assertEquals(List.of("account2"), plan.accounts().stream().map(ThunderbirdAccount::id).toList());
        assertFalse(plan.switchesToNormalPassword());
        AppliedSetup applied = setup.apply(plan);

        Map<String, PrefValue> prefs = new PrefsFile().read(profile.prefsJs());
        assertEquals(new PrefValue.Text("127.0.0.1"), prefs.get("mail.smtpserver.smtp1.hostname"));
        assertEquals(new PrefValue.Number(PORT), prefs.get("mail.smtpserver.smtp1.port"));
        assertEquals(new PrefValue.Number(2), prefs.get("mail.smtpserver.smtp1.try_ssl"));
        assertEquals(new PrefValue.Text("taro@example.co.jp"), prefs.get("mail.smtpserver.smtp1.username"));
        List<String> changed = new ArrayList<>(lines(profile.prefsJs()));
        changed.removeAll(linesBefore);
        assertEquals(List.of("user_pref(\"mail.smtpserver.smtp1.hostname\", \"127.0.0.1\");",
                "user_pref(\"mail.smtpserver.smtp1.port\", 10587);"), changed, "only the changed lines differ");
        assertEquals(linesBefore.size(), lines(profile.prefsJs()).size());

        List<String> overrides = lines(profile.directory().resolve("cert_override.txt"));
        assertTrue(overrides.get(2).startsWith("imap.example.co.jp:993:\t"), "the user's own exception stays");
        assertEquals("127.0.0.1:10587\tOID.2.16.840.1.101.3.4.2.1\t" + target.sha256Fingerprint() + "\tU\t"
                + CertOverrideFile.dbKey(target.certificate()), overrides.get(3));

        assertEquals("smtp.example.co.jp", applied.previous().hostname());
        assertEquals(587, applied.previous().effectivePort());
        assertEquals(SmtpSecurity.STARTTLS, applied.previous().security());
        assertEquals(Optional.of(applied), setup.applied(profile), "the record reads back as written");
        assertTrue(Files.isDirectory(profile.directory().resolve(ThunderbirdSetup.BACKUP_FOLDER)));

        UndoResult undo = setup.undo(profile);

        assertEquals(new UndoResult(true, true), undo);
        assertArrayEquals(prefsBefore, Files.readAllBytes(profile.prefsJs()));
        assertArrayEquals(overridesBefore, Files.readAllBytes(profile.directory().resolve("cert_override.txt")));
        assertFalse(Files.exists(profile.directory().resolve(ThunderbirdSetup.BACKUP_FOLDER)));
        assertEquals(Optional.empty(), setup.applied(profile));
    }

    @Test
    void afterThunderbirdRewroteItsFilesUndoSetsBackOnlyWhatItChanged() throws Exception {
        setup.apply(setup.plan(profile, "smtp3", target));
        // Thunderbird at exit: every preference again, sorted, plus one the user changed meanwhile.
        List<String> rewritten = new ArrayList<>(lines(profile.prefsJs()));
        rewritten.replaceAll(line -> line.replace("id1.reply_on_top\", 1", "id1.reply_on_top\", 0"));
        Collections.sort(rewritten);
        Files.write(profile.prefsJs(), rewritten, StandardCharsets.UTF_8);
        Files.writeString(profile.directory().resolve("cert_override.txt"), "another.example:443:\tOID.2.16.840.1.101."
                + "3.4.2.1\tAA:BB\t\t\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        UndoResult undo = setup.undo(profile);

        assertEquals(new UndoResult(false, false), undo);
        Map<String, PrefValue> prefs = new PrefsFile().read(profile.prefsJs());
        assertEquals(new PrefValue.Text("smtp.home.example"), prefs.get("mail.smtpserver.smtp3.hostname"));
        assertEquals(null, prefs.get("mail.smtpserver.smtp3.port"), "a preference that was not set is gone again");
        assertEquals(new PrefValue.Number(3), prefs.get("mail.smtpserver.smtp3.try_ssl"));
        assertEquals(new PrefValue.Number(4), prefs.get("mail.smtpserver.smtp3.authMethod"));
        assertEquals(new PrefValue.Number(0), prefs.get("mail.identity.id1.reply_on_top"), "the user's change stays");
        String overrides = Files.readString(profile.directory().resolve("cert_override.txt"), StandardCharsets.UTF_8);
        assertFalse(overrides.contains("127.0.0.1:10587"), overrides);
        assertTrue(overrides.contains("another.example:443:") && overrides.contains("imap.example.co.jp:993:"));
    }

    @Test
    void anEncryptedPasswordBecomesANormalOneThroughTheGateway() throws Exception {
        SetupPlan plan = setup.plan(profile, "smtp3", target);
        assertTrue(plan.switchesToNormalPassword());
        assertEquals(List.of("account4"), plan.accounts().stream().map(ThunderbirdAccount::id).toList(),
                "the account without its own server sends through the default");

        setup.apply(plan);

        Map<String, PrefValue> prefs = new PrefsFile().read(profile.prefsJs());
        assertEquals(new PrefValue.Number(3), prefs.get("mail.smtpserver.smtp3.authMethod"));
        assertEquals(new PrefValue.Number(PORT), prefs.get("mail.smtpserver.smtp3.port"));
        assertEquals(465, setup.applied(profile).orElseThrow().previous().effectivePort());
    }

    @Test
    void anEarlierExceptionForTheSamePortIsReplacedAndComesBackOnUndo() throws Exception {
        Path overrides = profile.directory().resolve("cert_override.txt");
        Files.writeString(overrides, "127.0.0.1:10587:\tOID.2.16.840.1.101.3.4.2.1\tOLD:FINGERPRINT\t\t\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(overrides);

        setup.apply(setup.plan(profile, "smtp1", target));

        String during = Files.readString(overrides, StandardCharsets.UTF_8);
        assertFalse(during.contains("OLD:FINGERPRINT"), during);
        setup.undo(profile);
        assertArrayEquals(before, Files.readAllBytes(overrides));
    }

    @Test
    void withoutAnOverridesFileTheSetUpCreatesOneAndUndoRemovesIt() throws Exception {
        Path overrides = profile.directory().resolve("cert_override.txt");
        Files.delete(overrides);

        setup.apply(setup.plan(profile, "smtp1", target));
        assertTrue(Files.readString(overrides, StandardCharsets.UTF_8).startsWith(CertOverrideFile.HEADER));
        setup.undo(profile);

        assertFalse(Files.exists(overrides));
    }

    @Test
    void refusesWhatCannotWorkThroughTheGateway() throws Exception {
        assertEquals(ThunderbirdText.AUTH_OAUTH2, refusal("smtp2"));
        assertEquals(ThunderbirdText.SERVER_NOT_SMTP, refusal("ews4"));
        assertEquals(ThunderbirdText.SERVER_UNKNOWN, refusal("smtp9"));
    }

    @Test
    void refusesASecondSetUpAndAnUndoWithNothingToUndo() throws Exception {
        assertEquals(ThunderbirdText.NOTHING_TO_UNDO,
                assertThrows(ThunderbirdSetupException.class, () -> setup.undo(profile)).reason());
        setup.apply(setup.plan(profile, "smtp1", target));

        assertEquals(ThunderbirdText.ALREADY_SET_UP, refusal("smtp3"));
    }

    @Test
    void aServerAlreadyOnThisPcIsLeftAlone() throws Exception {
        setup.apply(setup.plan(profile, "smtp1", target));
        Files.delete(profile.directory().resolve(ThunderbirdSetup.BACKUP_FOLDER).resolve("setup.properties"));

        ThunderbirdSetupException e = assertThrows(ThunderbirdSetupException.class,
                () -> setup.plan(profile, "smtp1", target));

        assertEquals(ThunderbirdText.ALREADY_LOCAL, e.reason());
        assertTrue(e.in(Locale.JAPANESE).contains("127.0.0.1:10587"), e.in(Locale.JAPANESE));
    }

    @Test
    void aUserJsSettingTheServerWouldUndoTheChangeSoItIsRefused() throws Exception {
        Files.writeString(profile.directory().resolve("user.js"),
                "user_pref(\"mail.smtpserver.smtp1.hostname\", \"relay.example.co.jp\");\n", StandardCharsets.UTF_8);

        assertEquals(ThunderbirdText.USER_JS_OVERRIDES, refusal("smtp1"));
        assertEquals(List.of(), List.of((Object[]) profile.directory().toFile().list((dir, name) ->
                name.equals(ThunderbirdSetup.BACKUP_FOLDER))), "nothing was written");
    }

    @Test
    void refusesWhileThunderbirdHoldsTheProfileLockSymlink() throws Exception {
        Files.createSymbolicLink(profile.directory().resolve("lock"), Path.of("127.0.1.1:+4242"));
        byte[] prefsBefore = Files.readAllBytes(profile.prefsJs());

        ThunderbirdSetupException e = assertThrows(ThunderbirdSetupException.class,
                () -> setup.apply(setup.plan(profile, "smtp1", target)));

        assertEquals(ThunderbirdText.THUNDERBIRD_RUNNING, e.reason());
        assertTrue(e.getMessage().contains("Quit Thunderbird"), e.getMessage());
        assertArrayEquals(prefsBefore, Files.readAllBytes(profile.prefsJs()));
    }

    @Test
    void refusesWhileAnotherProcessHoldsTheParentLock() throws Exception {
        Path parentLock = Files.createFile(profile.directory().resolve(".parentlock"));
        assertEquals("smtp1", setup.plan(profile, "smtp1", target).server().id(), "an unheld lock file is no obstacle");
        Path holder = home.resolve("HoldLock.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                             var lock = channel.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), parentLock.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());

            assertEquals(ThunderbirdText.THUNDERBIRD_RUNNING, refusal("smtp1"));
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertEquals("smtp1", setup.plan(profile, "smtp1", target).server().id(), "released again");
    }

    @Test
    void theDbKeyHoldsTheSerialNumberAndIssuerAsNssWritesThem() throws Exception {
        byte[] key = java.util.Base64.getDecoder().decode(CertOverrideFile.dbKey(target.certificate()));
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(key);
        assertEquals(0, buffer.getInt());
        assertEquals(0, buffer.getInt());
        byte[] serial = target.certificate().getSerialNumber().toByteArray();
        byte[] issuer = target.certificate().getIssuerX500Principal().getEncoded();
        assertEquals(serial.length, buffer.getInt());
        assertEquals(issuer.length, buffer.getInt());
        assertEquals(16 + serial.length + issuer.length, key.length);
    }

    private ThunderbirdText refusal(String serverId) {
        return assertThrows(ThunderbirdSetupException.class, () -> setup.plan(profile, serverId, target)).reason();
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
