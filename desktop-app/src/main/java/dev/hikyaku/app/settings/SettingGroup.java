package dev.hikyaku.app.settings;

/** A titled group of fields on one settings page: the upstream server, the domains, each guard rule. */
enum SettingGroup {
    UPSTREAM(SettingsText.GROUP_UPSTREAM, SettingsPage.SERVER),
    SUBMISSION(SettingsText.GROUP_SUBMISSION, SettingsPage.SERVER),
    DOMAINS(SettingsText.GROUP_DOMAINS, SettingsPage.ROUTES),
    PACKAGING(SettingsText.GROUP_PACKAGING, SettingsPage.ROUTES),
    GUARD_GENERAL(SettingsText.GROUP_GUARD_GENERAL, SettingsPage.GUARDS),
    REFUSE_TIME(SettingsText.GROUP_REFUSE_TIME, SettingsPage.GUARDS),
    REFUSE_SENDER(SettingsText.GROUP_REFUSE_SENDER, SettingsPage.GUARDS),
    REFUSE_RECIPIENTS(SettingsText.GROUP_REFUSE_RECIPIENTS, SettingsPage.GUARDS),
    REFUSE_SIZE(SettingsText.GROUP_REFUSE_SIZE, SettingsPage.GUARDS),
    REFUSE_ATTACHMENTS(SettingsText.GROUP_REFUSE_ATTACHMENTS, SettingsPage.GUARDS),
    REFUSE_KEYWORDS(SettingsText.GROUP_REFUSE_KEYWORDS, SettingsPage.GUARDS),
    REFUSE_PHONES(SettingsText.GROUP_REFUSE_PHONES, SettingsPage.GUARDS),
    REFUSE_POSTAL(SettingsText.GROUP_REFUSE_POSTAL, SettingsPage.GUARDS),
    FORCE_BCC(SettingsText.GROUP_FORCE_BCC, SettingsPage.GUARDS),
    CONFIRM(SettingsText.GROUP_CONFIRM, SettingsPage.GUARDS),
    HOLD(SettingsText.GROUP_HOLD, SettingsPage.GUARDS),
    STAGE(SettingsText.GROUP_STAGE, SettingsPage.GUARDS);

    private final SettingsText title;
    private final SettingsPage page;

    SettingGroup(SettingsText title, SettingsPage page) {
        this.title = title;
        this.page = page;
    }

    SettingsText title() {
        return title;
    }

    SettingsPage page() {
        return page;
    }
}
