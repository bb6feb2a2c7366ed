package dev.hikyaku.smime.install;

/** The mail clients the wizard installs certificates for. */
public enum MailClient {
    /** Mozilla Thunderbird, which keeps certificates in its profile's NSS database. */
    THUNDERBIRD,
    /** Classic Outlook on Windows, which uses the Windows certificate store of the user. */
    OUTLOOK
}
