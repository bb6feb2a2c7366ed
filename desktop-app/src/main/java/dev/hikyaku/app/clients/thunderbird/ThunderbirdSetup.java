package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.clients.LocalSubmission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Points one outgoing server of a Thunderbird profile at Hikyaku and takes that back.
 *
 * <p>The change: host 127.0.0.1, the gateway's port, STARTTLS required ({@code try_ssl} 2), the user name kept,
 * and the gateway's certificate accepted for 127.0.0.1 and that port in {@code cert_override.txt} (what the "Add
 * Security Exception" dialog writes). Before anything is written, prefs.js and cert_override.txt are copied to
 * {@code hikyaku-backup/} in the profile with a record of each changed value; undo restores the copies byte for
 * byte while the files are as the set-up left them, and otherwise sets back only what it changed. Thunderbird must
 * be closed for both: it rewrites prefs.js when it quits.
 */
public final class ThunderbirdSetup {
    /** The folder in the profile that holds the backup and the record of the change. */
    public static final String BACKUP_FOLDER = "hikyaku-backup";

    private static final int STARTTLS_REQUIRED = 2;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final Clock clock;

    /** A set-up that stamps its changes with {@code clock}. */
    public ThunderbirdSetup(Clock clock) {
        this.clock = clock;
    }

    /** The accounts of {@code profile} with the outgoing server each sends through. */
    public static List<ThunderbirdAccount> accounts(ThunderbirdProfile profile) throws ThunderbirdSetupException {
        return AccountReader.read(new PrefsFile().read(profile.prefsJs()));
    }

    /** What {@link #apply} would change, checked against the profile as it is now; writes nothing. */
    public SetupPlan plan(ThunderbirdProfile profile, String serverId, LocalSubmission target)
            throws ThunderbirdSetupException {
        ProfileLock.ensureClosed(profile.directory());
        if (applied(profile).isPresent()) {
            throw new ThunderbirdSetupException(ThunderbirdText.ALREADY_SET_UP, profile.name());
        }
        Path prefsJs = profile.prefsJs();
        byte[] bytes = ProfileFiles.bytes(prefsJs)
                .orElseThrow(() -> new ThunderbirdSetupException(ThunderbirdText.PREFS_MISSING, profile.name()));
        Map<String, PrefValue> prefs = new PrefsFile().parse(ProfileFiles.text(prefsJs, bytes));
        SmtpServer server = SmtpServerReader.read(prefs).server(serverId)
                .orElseThrow(() -> new ThunderbirdSetupException(ThunderbirdText.SERVER_UNKNOWN, serverId));
        refuseUnsuitable(server, target);
        refuseUserJsOverrides(profile, serverId);
        List<ThunderbirdAccount> accounts = AccountReader.read(prefs).stream()
                .filter(account -> account.outgoing().map(SmtpServer::id).filter(serverId::equals).isPresent())
                .toList();
        return new SetupPlan(profile, server, target, accounts, server.auth() == SmtpAuth.ENCRYPTED_PASSWORD);
    }

    /**
     * Backs up and changes {@code plan}'s server as planned, after checking the profile again.
     *
     * @return the change, as {@link #applied} will report it until it is undone
     */
    public AppliedSetup apply(SetupPlan plan) throws ThunderbirdSetupException {
        SetupPlan current = plan(plan.profile(), plan.server().id(), plan.target());
        Path profile = current.profile().directory();
        Path prefsJs = current.profile().prefsJs();
        byte[] prefsBefore = ProfileFiles.bytes(prefsJs)
                .orElseThrow(() -> new ThunderbirdSetupException(ThunderbirdText.PREFS_MISSING, plan.profile().name()));
        PrefsEditor editor = PrefsEditor.of(ProfileFiles.text(prefsJs, prefsBefore));
        Map<String, Optional<PrefValue>> previous = new LinkedHashMap<>();
        for (Map.Entry<String, PrefValue> change : changes(current).entrySet()) {
            previous.put(change.getKey(), editor.get(change.getKey()));
            editor.set(change.getKey(), change.getValue());
        }
        byte[] prefsAfter = editor.text().getBytes(StandardCharsets.UTF_8);

        Path overridesFile = profile.resolve(CertOverrideFile.NAME);
        Optional<byte[]> overridesBefore = ProfileFiles.bytes(overridesFile);
        String overrideLine = CertOverrideFile.line(current.target());
        String overridesText = overridesBefore.isPresent()
                ? ProfileFiles.text(overridesFile, overridesBefore.get())
                : "";
        CertOverrideFile.Edit overrides = CertOverrideFile.add(overridesText, overrideLine);
        byte[] overridesAfter = overrides.text().getBytes(StandardCharsets.UTF_8);

        AppliedSetup applied = new AppliedSetup(profile, current.server(), current.target().hostAndPort(),
                current.target().sha256Fingerprint(), clock.instant());
        SetupRecord record = new SetupRecord(applied, ProfileFiles.sha256(prefsAfter), previous,
                ProfileFiles.sha256(overridesAfter), overridesBefore.isPresent(), overrideLine, overrides.replaced());

        // The backup and the record first: if anything below fails, undo finds what to put back.
        Path backup = freshBackupFolder(profile);
        ProfileFiles.write(backup.resolve("prefs.js"), prefsBefore);
        if (overridesBefore.isPresent()) {
            ProfileFiles.write(backup.resolve(CertOverrideFile.NAME), overridesBefore.get());
        }
        ProfileFiles.write(backup.resolve(SetupRecord.FILE), record.toBytes());
        ProfileFiles.write(prefsJs, prefsAfter);
        ProfileFiles.write(overridesFile, overridesAfter);
        return applied;
    }

    /** The change the set-up made to {@code profile}, if it has not been undone. */
    public Optional<AppliedSetup> applied(ThunderbirdProfile profile) throws ThunderbirdSetupException {
        return record(profile.directory()).map(SetupRecord::applied);
    }

    /** Puts back what {@link #apply} changed and removes the backup. */
    public UndoResult undo(ThunderbirdProfile profile) throws ThunderbirdSetupException {
        Path directory = profile.directory();
        ProfileLock.ensureClosed(directory);
        SetupRecord record = record(directory)
                .orElseThrow(() -> new ThunderbirdSetupException(ThunderbirdText.NOTHING_TO_UNDO, profile.name()));
        Path backup = directory.resolve(BACKUP_FOLDER);

        Path prefsJs = profile.prefsJs();
        Optional<byte[]> prefsNow = ProfileFiles.bytes(prefsJs);
        boolean prefsExact = prefsNow.isEmpty() || ProfileFiles.sha256(prefsNow.get()).equals(record.prefsSha256());
        if (prefsExact) {
            ProfileFiles.write(prefsJs, ProfileFiles.bytes(backup.resolve("prefs.js")).orElseThrow(
                    () -> new ThunderbirdSetupException(ThunderbirdText.BACKUP_DAMAGED, backup.toString())));
        } else {
            PrefsEditor editor = PrefsEditor.of(ProfileFiles.text(prefsJs, prefsNow.get()));
            record.previousPrefs().forEach(editor::put);
            ProfileFiles.write(prefsJs, editor.text().getBytes(StandardCharsets.UTF_8));
        }

        Path overridesFile = directory.resolve(CertOverrideFile.NAME);
        Optional<byte[]> overridesNow = ProfileFiles.bytes(overridesFile);
        boolean overridesExact = overridesNow.isEmpty()
                || ProfileFiles.sha256(overridesNow.get()).equals(record.overridesSha256());
        if (overridesExact && record.overridesExisted()) {
            ProfileFiles.write(overridesFile, ProfileFiles.bytes(backup.resolve(CertOverrideFile.NAME)).orElseThrow(
                    () -> new ThunderbirdSetupException(ThunderbirdText.BACKUP_DAMAGED, backup.toString())));
        } else if (overridesExact) {
            ProfileFiles.delete(overridesFile);
        } else {
            ProfileFiles.write(overridesFile, CertOverrideFile.remove(
                    ProfileFiles.text(overridesFile, overridesNow.get()), record.overrideLine(),
                    record.replacedOverrides()).getBytes(StandardCharsets.UTF_8));
        }
        deleteBackup(backup);
        return new UndoResult(prefsExact, overridesExact);
    }

    private static Map<String, PrefValue> changes(SetupPlan plan) {
        String prefix = SmtpServerReader.PREFIX + plan.server().id() + ".";
        Map<String, PrefValue> changes = new LinkedHashMap<>();
        changes.put(prefix + "hostname", new PrefValue.Text(LocalSubmission.HOST));
        changes.put(prefix + "port", new PrefValue.Number(plan.target().port()));
        changes.put(prefix + "try_ssl", new PrefValue.Number(STARTTLS_REQUIRED));
        if (plan.switchesToNormalPassword()) {
            changes.put(prefix + "authMethod", new PrefValue.Number(SmtpAuth.NORMAL_PASSWORD.pref()));
        }
        return changes;
    }

    private static void refuseUnsuitable(SmtpServer server, LocalSubmission target) throws ThunderbirdSetupException {
        if (!server.isSmtp()) {
            throw new ThunderbirdSetupException(ThunderbirdText.SERVER_NOT_SMTP, server.label(), server.type());
        }
        if (LOOPBACK.contains(server.hostname().toLowerCase(Locale.ROOT))) {
            throw new ThunderbirdSetupException(ThunderbirdText.ALREADY_LOCAL, server.label(),
                    server.hostname() + ":" + server.effectivePort(), target.hostAndPort());
        }
        if (server.auth() == SmtpAuth.OAUTH2) {
            throw new ThunderbirdSetupException(ThunderbirdText.AUTH_OAUTH2, server.label());
        }
        if (!server.auth().passesThroughGateway() && server.auth() != SmtpAuth.ENCRYPTED_PASSWORD) {
            throw new ThunderbirdSetupException(ThunderbirdText.AUTH_CANNOT_PASS, server.label(), server.auth().name());
        }
    }

    /** user.js is read after prefs.js at every start: a value set there would silently win over ours. */
    private static void refuseUserJsOverrides(ThunderbirdProfile profile, String serverId)
            throws ThunderbirdSetupException {
        Path userJs = profile.directory().resolve("user.js");
        if (!Files.isRegularFile(userJs)) {
            return;
        }
        String prefix = SmtpServerReader.PREFIX + serverId + ".";
        boolean touches = new PrefsFile().read(userJs).keySet().stream().anyMatch(name -> name.startsWith(prefix));
        if (touches) {
            throw new ThunderbirdSetupException(ThunderbirdText.USER_JS_OVERRIDES, userJs.toString());
        }
    }

    private static Optional<SetupRecord> record(Path profile) throws ThunderbirdSetupException {
        Path file = profile.resolve(BACKUP_FOLDER).resolve(SetupRecord.FILE);
        Optional<byte[]> bytes = ProfileFiles.bytes(file);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SetupRecord.parse(profile, file, bytes.get()));
    }

    /** The backup folder, emptied of what a set-up that failed before writing its record may have left. */
    private static Path freshBackupFolder(Path profile) throws ThunderbirdSetupException {
        Path backup = profile.resolve(BACKUP_FOLDER);
        deleteBackup(backup);
        try {
            return Files.createDirectories(backup);
        } catch (IOException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.FILE_UNWRITABLE, backup.toString(), e.toString());
        }
    }

    private static void deleteBackup(Path backup) throws ThunderbirdSetupException {
        if (!Files.isDirectory(backup)) {
            return;
        }
        try (Stream<Path> files = Files.list(backup)) {
            for (Path file : files.toList()) {
                ProfileFiles.delete(file);
            }
        } catch (IOException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.FILE_UNWRITABLE, backup.toString(), e.toString());
        }
        ProfileFiles.delete(backup);
    }
}
