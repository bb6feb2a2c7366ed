package dev.hikyaku.smime.install;

import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.IdentityStoreException;
import dev.hikyaku.smime.identity.Pkcs12Format;
import dev.hikyaku.smime.text.Notice;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prepares the certificate for classic Outlook on Windows: a .pfx file, the PowerShell that imports it into the
 * user's certificate store ({@code Import-PfxCertificate -CertStoreLocation Cert:\CurrentUser\My}), the
 * {@code certutil} alternative, a command that checks it worked, and the Trust Center steps. Nothing is run here:
 * the app shows the script for the user to run (or runs it on Windows with the user's consent).
 */
public final class OutlookGuide {
    private final SecureRandom random;

    /** A guide making one-time file passwords from the random source. */
    public OutlookGuide(SecureRandom random) {
        this.random = random;
    }

    /**
     * Writes the .pfx and gives the steps.
     *
     * @param format {@link Pkcs12Format#MODERN} for Windows 10 1709 and later, {@link Pkcs12Format#LEGACY} before
     */
    public InstallReport prepare(IdentityStore store, Identity identity, Path folder, Pkcs12Format format) {
        char[] password = OneTimeFiles.password(random);
        try {
            Path file = OneTimeFiles.pkcs12(store, identity, format, password, folder, ".pfx");
            String thumbprint = thumbprint(identity);
            String script = "$password = Read-Host -AsSecureString -Prompt 'Password of the certificate file'\r\n"
                    + "Import-PfxCertificate -FilePath " + quoted(file.toAbsolutePath().toString())
                    + " -CertStoreLocation Cert:\\CurrentUser\\My -Password $password\r\n";
            String check = "(Get-Item Cert:\\CurrentUser\\My\\" + thumbprint + ").HasPrivateKey";
            String address = identity.addresses().isEmpty() ? identity.certificate().displayName() : identity.addresses().get(0);
            return new InstallReport.ManualImport(MailClient.OUTLOOK, file, new String(password), List.of(
                    Notice.of("install.outlook.runScript"),
                    Notice.of("install.outlook.orCertutil", "certutil -user -importPFX " + doubleQuoted(file.toAbsolutePath().toString())),
                    Notice.of("install.outlook.check", check),
                    Notice.of("install.outlook.trustCenter"),
                    Notice.of("install.outlook.chooseCertificate", address, thumbprint),
                    Notice.of("install.outlook.signingByHikyaku"),
                    Notice.of("install.deleteFile", file.getFileName().toString())),
                    Optional.of(script), Optional.of(check));
        } catch (IOException | IdentityStoreException e) {
            return new InstallReport.Failed(MailClient.OUTLOOK, Notice.of("install.exportFailed", folder));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The SHA-1 thumbprint Windows shows and names the certificate by in {@code Cert:\}, upper-case hex. */
    static String thumbprint(Identity identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(identity.credential().certificate().getEncoded());
            return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always has a SHA-1 thumbprint", e);
        }
    }

    // PowerShell single quotes take everything literally; a quote inside is doubled.
    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    // cmd.exe: a path cannot contain a double quote on Windows, so wrapping is enough.
    private static String doubleQuoted(String text) {
        return "\"" + text + "\"";
    }
}
