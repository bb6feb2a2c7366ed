package dev.hikyaku.smime.install;

import dev.hikyaku.smime.certificate.CertificateBundle;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.IdentityStoreException;
import dev.hikyaku.smime.identity.Pkcs12Format;
import dev.hikyaku.smime.text.Notice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Installs the user's certificate and key into a Thunderbird profile. With NSS's tools at hand it imports for real
 * ({@code pk12util -i FILE -d sql:PROFILE -w PASSWORDFILE}) and then checks with {@code certutil} that the
 * certificate and its key are there; without them it writes a PKCS#12 file and gives the exact steps in Thunderbird.
 * Passwords reach the tools through files only the user can read, never on a command line that other users of the
 * machine could see; the temporary copies are deleted afterwards.
 */
public final class ThunderbirdInstaller {
    private final Optional<NssTools> tools;
    private final SecureRandom random;
    private final Duration timeout;

    /**
     * An installer.
     *
     * @param tools   NSS's tools, when installed ({@link NssTools#find})
     * @param timeout how long each tool may run
     */
    public ThunderbirdInstaller(Optional<NssTools> tools, SecureRandom random, Duration timeout) {
        this.tools = tools;
        this.random = random;
        this.timeout = timeout;
    }

    /** Whether the certificate can be imported directly, or only by the user with the steps given. */
    public boolean canImportDirectly() {
        return tools.isPresent();
    }

    /**
     * Imports the identity into the profile's NSS database ({@code cert9.db}) and checks it arrived; without the NSS
     * tools, writes a file into {@code exportFolder} and returns the steps instead.
     *
     * @param profile      the Thunderbird profile folder ({@link ThunderbirdProfiles#find})
     * @param nssPassword  the profile's primary password, when the user set one (empty otherwise)
     * @param exportFolder where to write the file for a manual import
     */
    public InstallReport install(IdentityStore store, Identity identity, Path profile, Optional<char[]> nssPassword,
            Path exportFolder) {
        if (tools.isEmpty()) {
            return manual(store, identity, exportFolder);
        }
        if (!Files.isRegularFile(profile.resolve("cert9.db"))) {
            return new InstallReport.Failed(MailClient.THUNDERBIRD, Notice.of("install.thunderbird.noProfile", profile));
        }
        NssTools nss = tools.get();
        String database = "sql:" + profile.toAbsolutePath();
        char[] filePassword = OneTimeFiles.password(random);
        List<Path> temporary = new ArrayList<>();
        try {
            Path work = Files.createTempDirectory("hikyaku-install");
            temporary.add(work);
            Path file = OneTimeFiles.pkcs12(store, identity, Pkcs12Format.MODERN, filePassword, work, ".p12");
            temporary.add(file);
            Path filePasswordFile = OneTimeFiles.passwordFile(work, filePassword);
            temporary.add(filePasswordFile);
            Optional<Path> databasePasswordFile = Optional.empty();
            if (nssPassword.isPresent()) {
                databasePasswordFile = Optional.of(OneTimeFiles.passwordFile(work, nssPassword.get()));
                temporary.add(databasePasswordFile.get());
            }
            List<String> command = new ArrayList<>(List.of(nss.pk12util().toString(), "-i", file.toString(),
                    "-d", database, "-w", filePasswordFile.toString()));
            databasePasswordFile.ifPresent(pw -> command.addAll(List.of("-k", pw.toString())));
            ToolRun imported = ToolRun.run(command, timeout);
            if (imported.exitCode() != 0) {
                return new InstallReport.Failed(MailClient.THUNDERBIRD,
                        Notice.of("install.thunderbird.failed", imported.firstLine()));
            }
            if (!certificateThere(nss, database, identity) || !keyThere(nss, database, identity, databasePasswordFile)) {
                return new InstallReport.Failed(MailClient.THUNDERBIRD, Notice.of("install.thunderbird.notFound"));
            }
            return new InstallReport.Installed(MailClient.THUNDERBIRD, identity.friendlyName(),
                    List.of(Notice.of("install.thunderbird.restart"),
                            Notice.of("install.thunderbird.chooseCertificate", address(identity), identity.friendlyName()),
                            Notice.of("install.thunderbird.signingByHikyaku")));
        } catch (IOException | IdentityStoreException e) {
            return new InstallReport.Failed(MailClient.THUNDERBIRD, Notice.of("install.thunderbird.failed", e.getMessage()));
        } finally {
            Arrays.fill(filePassword, '\0');
            deleteAll(temporary);
        }
    }

    /** Writes a PKCS#12 file into the folder and returns Thunderbird's import steps. */
    public InstallReport manual(IdentityStore store, Identity identity, Path exportFolder) {
        char[] password = OneTimeFiles.password(random);
        try {
            Path file = OneTimeFiles.pkcs12(store, identity, Pkcs12Format.MODERN, password, exportFolder, ".p12");
            return new InstallReport.ManualImport(MailClient.THUNDERBIRD, file, new String(password), List.of(
                    Notice.of("install.thunderbird.manualImport", file.getFileName().toString()),
                    Notice.of("install.thunderbird.chooseCertificate", address(identity), identity.friendlyName()),
                    Notice.of("install.thunderbird.signingByHikyaku"),
                    Notice.of("install.deleteFile", file.getFileName().toString())),
                    Optional.empty(), Optional.empty());
        } catch (IOException | IdentityStoreException e) {
            return new InstallReport.Failed(MailClient.THUNDERBIRD, Notice.of("install.exportFailed", exportFolder));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private boolean certificateThere(NssTools nss, String database, Identity identity) throws IOException {
        ToolRun listed = ToolRun.run(List.of(nss.certutil().toString(), "-L", "-d", database, "-a", "-n",
                identity.friendlyName()), timeout);
        if (listed.exitCode() != 0) {
            return false;
        }
        CertificateBundle found = CertificateBundle.read(listed.output().getBytes(StandardCharsets.US_ASCII));
        return found.certificates().contains(identity.credential().certificate());
    }

    private boolean keyThere(NssTools nss, String database, Identity identity, Optional<Path> passwordFile)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(nss.certutil().toString(), "-K", "-d", database));
        passwordFile.ifPresent(file -> command.addAll(List.of("-f", file.toString())));
        ToolRun keys = ToolRun.run(command, timeout);
        return keys.exitCode() == 0 && keys.output().contains(identity.friendlyName());
    }

    private static String address(Identity identity) {
        return identity.addresses().isEmpty() ? identity.certificate().displayName() : identity.addresses().get(0);
    }

    private static void deleteAll(List<Path> paths) {
        for (int i = paths.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(paths.get(i));
            } catch (IOException e) {
                // A leftover is readable by the user alone, and its password protects nothing else.
            }
        }
    }
}
