package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.app.i18n.TextKey;

/** The TLS checker's texts, by their key in {@code dev/hikyaku/app/checker/messages*.properties}. */
public enum CheckerText implements TextKey {
    TAB_TITLE("tab.title"),
    HEADING("heading"),
    INPUT_LABEL("input.label"),
    INPUT_PROMPT("input.prompt"),
    INPUT_ACCESSIBLE("input.accessible"),
    FRESH_LABEL("fresh.label"),
    CHECK_BUTTON("check.button"),
    CHECK_ACCESSIBLE("check.accessible"),
    STATUS_IDLE("status.idle"),
    STATUS_PROBING("status.probing"),
    STATUS_DONE("status.done"),
    STATUS_NOTHING("status.nothing"),
    ROW_PROBING("row.probing"),
    ROW_PROBING_ACCESSIBLE("row.probing.accessible"),
    ROW_INVALID("row.invalid"),
    ROW_FAILED("row.failed"),
    ROW_ACCESSIBLE("row.accessible"),
    EVIDENCE_TITLE("evidence.title"),
    EVIDENCE_SHOW("evidence.show"),
    LEVEL_AUTHENTICATED("level.AUTHENTICATED"),
    LEVEL_ENCRYPTED("level.ENCRYPTED"),
    LEVEL_ENCRYPTED_UNVERIFIED("level.ENCRYPTED_UNVERIFIED"),
    LEVEL_PLAINTEXT("level.PLAINTEXT"),
    LEVEL_NO_MAIL("level.NO_MAIL"),
    LEVEL_UNKNOWN("level.UNKNOWN"),
    LEVEL_OTHER("level.OTHER"),
    EVIDENCE_DOMAIN("evidence.domain"),
    EVIDENCE_NO_MX("evidence.noMx"),
    EVIDENCE_MX("evidence.mx"),
    EVIDENCE_MX_NO_ANSWER("evidence.mx.noAnswer"),
    EVIDENCE_MX_STARTTLS("evidence.mx.starttls"),
    EVIDENCE_MX_NO_STARTTLS("evidence.mx.noStarttls"),
    EVIDENCE_MX_STARTTLS_FAILED("evidence.mx.starttlsFailed"),
    EVIDENCE_MX_CERTIFICATE("evidence.mx.certificate"),
    EVIDENCE_MX_CERTIFICATE_TRUSTED("evidence.mx.certificate.trusted"),
    EVIDENCE_MX_CERTIFICATE_UNTRUSTED("evidence.mx.certificate.untrusted"),
    EVIDENCE_MX_CERTIFICATE_NAME_MISMATCH("evidence.mx.certificate.nameMismatch"),
    EVIDENCE_MX_CERTIFICATE_EXPIRED("evidence.mx.certificate.expired"),
    EVIDENCE_MX_CERTIFICATE_WEAK_KEY("evidence.mx.certificate.weakKey"),
    EVIDENCE_MX_DANE("evidence.mx.dane"),
    EVIDENCE_MX_MTA_STS("evidence.mx.mtaSts"),
    EVIDENCE_YES("evidence.yes"),
    EVIDENCE_NO("evidence.no"),
    EVIDENCE_MX_ATTEMPT("evidence.mx.attempt"),
    EVIDENCE_MTA_STS_NONE("evidence.mtaSts.none"),
    EVIDENCE_MTA_STS_POLICY("evidence.mtaSts.policy"),
    EVIDENCE_MTA_STS_PROBLEM("evidence.mtaSts.problem"),
    EVIDENCE_DANE("evidence.dane"),
    EVIDENCE_TLS_RPT("evidence.tlsRpt");

    private static final String BUNDLE = "dev.hikyaku.app.checker.messages";

    private final String key;

    CheckerText(String key) {
        this.key = key;
    }

    /** The word for a verdict level, shown beside its colour and icon. */
    public static CheckerText level(Level level) {
        return valueOf("LEVEL_" + level.name());
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public String key() {
        return key;
    }
}
