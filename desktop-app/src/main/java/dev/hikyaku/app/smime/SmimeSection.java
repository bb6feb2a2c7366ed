package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.Section;
import dev.hikyaku.smime.acme.ResponseSender;
import dev.hikyaku.smime.wizard.WizardStep;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * The S/MIME section: unlock (or create) the identity store, then the wizard's screens and the certificate list
 * as two pages. The wizard resumes where the engine left it.
 */
public final class SmimeSection implements Section {
    /** The tab's id. */
    public static final String SECTION_ID = "smimeSection";
    static final String PAGES_ID = "smimePages";
    static final String WIZARD_PAGE_ID = "smimePage-wizard";
    static final String LIST_PAGE_ID = "smimePage-certificates";

    private final LiveText text;
    private final IdentityVault vault;
    private final VaultModel vaultModel;
    private final WizardModel wizard;
    private final CertificateListModel list;
    private final Clock clock;
    private CertificateListView listView;

    /**
     * The section over the data folder, with the vault the app keeps for the session; {@code responses} sends the
     * answer to an ACME CA's challenge (through the gateway in the app).
     */
    public SmimeSection(LiveText text, IdentityVault vault, SmimeEnvironment environment, Path dataDirectory, Clock clock,
                        ResponseSender responses, Executor background, Executor ui) {
        this.text = text;
        this.vault = vault;
        this.clock = clock;
        this.vaultModel = new VaultModel(vault, background, ui);
        this.wizard = new WizardModel(environment, dataDirectory, clock, responses, background, ui);
        this.list = new CertificateListModel(vault, dataDirectory, environment, clock, background, ui);
    }

    /** The section of the app: the user's machine, the data folder's {@code identities.p12}. */
    public static SmimeSection forApp(AppServices services) {
        SmimeEnvironment environment = SmimeEnvironment.forUser();
        IdentityVault vault = IdentityVault.inDataDirectory(services.dataDirectory(), services.clock(),
                environment.random(), environment.keyIterations());
        return new SmimeSection(services.text(), vault, environment, services.dataDirectory(), services.clock(),
                new GatewayResponseSender(services.gateway()::gateway), services.background(), services.ui());
    }

    /** The session's identity store; register {@link IdentityVault#onUnlocked} on it to learn the password. */
    public IdentityVault vault() {
        return vault;
    }

    /**
     * Runs {@code action} on the UI thread each time the wizard moves on to its last step, i.e. has just written
     * smime.conf (not when it opens already finished).
     */
    public void onWizardFinished(Runnable action) {
        wizard.stepProperty().addListener((property, before, step) -> {
            if (before != null && !(before instanceof WizardStep.Finished) && step instanceof WizardStep.Finished) {
                action.run();
            }
        });
    }

    @Override
    public String id() {
        return SECTION_ID;
    }

    @Override
    public TextKey title() {
        return SmimeText.TAB_TITLE;
    }

    @Override
    public Node content() {
        StackPane root = new StackPane(new VaultView(text, vaultModel).build());
        vaultModel.whenUnlocked(store -> {
            wizard.open(store, vault.password());
            root.getChildren().setAll(pages());
        });
        vaultModel.load();
        return root;
    }

    /** What dropping files on the certificate list does (tests cannot make a real drag-and-drop). */
    void dropOnCertificateList(List<File> files) {
        listView.drop(files);
    }

    private Node pages() {
        Tab wizardPage = new Tab();
        wizardPage.setId(WIZARD_PAGE_ID);
        wizardPage.textProperty().bind(text.text(SmimeText.PAGE_WIZARD));
        wizardPage.setContent(new WizardView(text, wizard).build());
        Tab listPage = new Tab();
        listPage.setId(LIST_PAGE_ID);
        listPage.textProperty().bind(text.text(SmimeText.PAGE_CERTIFICATES));
        listView = new CertificateListView(text, list, clock.getZone());
        listPage.setContent(listView.build());
        // A finished import or install changes the list: read it again whenever the page is shown.
        listPage.selectedProperty().addListener((property, before, selected) -> {
            if (selected) {
                list.refresh();
            }
        });
        TabPane pages = new TabPane(wizardPage, listPage);
        pages.setId(PAGES_ID);
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return pages;
    }
}
