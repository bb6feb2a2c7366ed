package dev.hikyaku.app.clients;

import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.Section;
import javafx.scene.Node;

/** The "Mail program" tab: the same set-up pages as the first run, to set up another account or undo a change. */
public final class ClientsSection implements Section {
    /** The tab's id. */
    public static final String SECTION_ID = "clientsSection";

    private final AppServices services;
    private final ClientsPlace place;

    /** The mail-program pages for the app's gateway and the mail programs at {@code place}. */
    public ClientsSection(AppServices services, ClientsPlace place) {
        this.services = services;
        this.place = place;
    }

    @Override
    public String id() {
        return SECTION_ID;
    }

    @Override
    public TextKey title() {
        return ClientsText.SECTION_TITLE;
    }

    @Override
    public Node content() {
        return new MailClientPages(services.text(), place, services.dataDirectory(), services.clock(),
                services.background(), services.ui()).following(services.gateway());
    }
}
