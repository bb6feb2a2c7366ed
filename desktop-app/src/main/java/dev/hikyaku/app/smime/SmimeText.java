package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.TextKey;

/** The S/MIME section's texts, by their key in {@code dev/hikyaku/app/smime/messages*.properties}. */
public enum SmimeText implements TextKey {
    TAB_TITLE("tab.title"),
    PAGE_WIZARD("page.wizard"),
    PAGE_CERTIFICATES("page.certificates"),
    WORKING("working"),
    BROWSE("browse"),
    CONTINUE("continue"),
    NUMBERED("numbered"),
    UNEXPECTED("unexpected"),
    PROBLEM_ERROR("problem.error"),
    PROBLEM_WARNING("problem.warning"),
    WARNING_MARKED("warning.marked"),
    VAULT_HEADING("vault.heading"),
    VAULT_CREATE_EXPLAIN("vault.create.explain"),
    VAULT_UNLOCK_EXPLAIN("vault.unlock.explain"),
    VAULT_PASSWORD("vault.password"),
    VAULT_REPEAT("vault.repeat"),
    VAULT_CREATE("vault.create"),
    VAULT_UNLOCK("vault.unlock"),
    VAULT_OPENING("vault.opening"),
    VAULT_TOO_SHORT("vault.tooShort"),
    VAULT_MISMATCH("vault.mismatch"),
    VAULT_WRONG_PASSWORD("vault.wrongPassword"),
    STRENGTH_TOO_SHORT("strength.TOO_SHORT"),
    STRENGTH_WEAK("strength.WEAK"),
    STRENGTH_FAIR("strength.FAIR"),
    STRENGTH_STRONG("strength.STRONG"),
    WIZARD_STEP("wizard.step"),
    WIZARD_RESTART("wizard.restart"),
    WIZARD_RESTART_CONFIRM("wizard.restart.confirm"),
    RESTART_FAILED("restart.failed"),
    STEP_CHOOSE("step.choose"),
    STEP_REQUEST("step.request"),
    STEP_GUIDE("step.guide"),
    STEP_IMPORT("step.import"),
    STEP_INSTALL("step.install"),
    STEP_ENABLE("step.enable"),
    STEP_FINISHED("step.finished"),
    CHOOSE_EXPLAIN("choose.explain"),
    CHOOSE_ADDRESS("choose.address"),
    CHOOSE_NAME("choose.name"),
    PATH_CA("path.ca"),
    CA_NAME("ca.name"),
    CA_VERIFIES("ca.verifies"),
    CA_COST("ca.cost"),
    CA_ISSUANCE("ca.issuance"),
    PATH_PKCS12("path.pkcs12"),
    PATH_COMPANY("path.company"),
    COMPANY_NAME("company.name"),
    COMPANY_ROOT("company.root"),
    COMPANY_ROOT_UNREADABLE("company.rootUnreadable"),
    PATH_ACME("path.acme"),
    KEY_RSA("key.rsa"),
    KEY_EC("key.ec"),
    REQUEST_EXPLAIN("request.explain"),
    GENERATE("generate"),
    PKCS12_INSTEAD("pkcs12Instead"),
    GUIDE_EXPLAIN("guide.explain"),
    GUIDE_WEBSITE("guide.website"),
    GUIDE_DONE("guide.done"),
    IMPORT_REQUEST_EXPLAIN("import.request.explain"),
    REQUEST_PEM("request.pem"),
    REQUEST_COPY("request.copy"),
    REQUEST_SAVE("request.save"),
    REQUEST_NOT_SAVED("request.notSaved"),
    IMPORT_CERTIFICATE_EXPLAIN("import.certificate.explain"),
    IMPORT_PKCS12_EXPLAIN("import.pkcs12.explain"),
    IMPORT_DROP("import.drop"),
    IMPORT_FILE("import.file"),
    IMPORT_PASSWORD("import.password"),
    IMPORT("import"),
    IMPORT_UNREADABLE_FILE("import.unreadableFile"),
    IMPORT_TOO_LARGE("import.tooLarge"),
    INSTALL_EXPLAIN("install.explain"),
    INSTALL_PK12UTIL("install.pk12util"),
    INSTALL_NO_PK12UTIL("install.noPk12util"),
    INSTALL_PROFILE("install.profile"),
    INSTALL_NSS_PASSWORD("install.nssPassword"),
    INSTALL_THUNDERBIRD("install.thunderbird"),
    INSTALL_FOLDER("install.folder"),
    INSTALL_LEGACY("install.legacy"),
    INSTALL_OUTLOOK("install.outlook"),
    INSTALL_NONE_YET("install.noneYet"),
    INSTALL_DONE_FOR("install.doneFor"),
    INSTALL_REPORT("install.report"),
    INSTALL_SKIP("install.skip"),
    REPORT_INSTALLED("report.installed"),
    REPORT_MANUAL("report.manual"),
    REPORT_SCRIPT("report.script"),
    REPORT_CHECK("report.check"),
    REPORT_FAILED("report.failed"),
    ENABLE_EXPLAIN("enable.explain"),
    ENABLE_SIGN("enable.sign"),
    ENABLE_ENCRYPT("enable.encrypt"),
    ENABLE_FINISH("enable.finish"),
    FINISHED_ADDRESS("finished.address"),
    FINISHED_SIGN_ON("finished.signOn"),
    FINISHED_SIGN_OFF("finished.signOff"),
    FINISHED_ENCRYPT_ON("finished.encryptOn"),
    FINISHED_ENCRYPT_OFF("finished.encryptOff"),
    FINISHED_EXPLAIN("finished.explain"),
    LIST_OWN("list.own"),
    LIST_OWN_EMPTY("list.own.empty"),
    LIST_HISTORY_NOTE("list.historyNote"),
    LIST_EXPORT("list.export"),
    LIST_REFRESH("list.refresh"),
    LIST_CONTACTS("list.contacts"),
    LIST_CONTACTS_EMPTY("list.contacts.empty"),
    LIST_DROP("list.drop"),
    LIST_IMPORTING("list.importing"),
    LIST_IMPORTED("list.imported"),
    LIST_EXPORTED("list.exported"),
    LIST_EXPORT_FAILED("list.exportFailed"),
    COLUMN_ADDRESS("column.address"),
    COLUMN_ISSUER("column.issuer"),
    COLUMN_VALID_UNTIL("column.validUntil"),
    COLUMN_SOURCE("column.source"),
    COLUMN_STATE("column.state"),
    COLUMN_WARNING("column.warning"),
    OWN_CURRENT("own.CURRENT"),
    OWN_RENEWED("own.RENEWED"),
    OWN_EXPIRED("own.EXPIRED"),
    CONTACT_USABLE("contact.usable"),
    CONTACT_UNUSABLE("contact.unusable"),
    CONTACT_EXPIRING("contact.expiring");

    private final String key;

    SmimeText(String key) {
        this.key = key;
    }

    @Override
    public String bundle() {
        return "dev.hikyaku.app.smime.messages";
    }

    @Override
    public String key() {
        return key;
    }

    /** The hint for a new password's strength. */
    static SmimeText strength(PasswordStrength strength) {
        return valueOf("STRENGTH_" + strength.name());
    }

    /** The word (with its icon) for where one of the user's certificates stands. */
    static SmimeText ownState(OwnCertificate.State state) {
        return valueOf("OWN_" + state.name());
    }
}
