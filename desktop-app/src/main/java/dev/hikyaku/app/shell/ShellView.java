package dev.hikyaku.app.shell;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.MessageKey;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/** The main window: one tab per {@link Section}, titles in the current language. */
public final class ShellView {
    /** The tab pane's node id. */
    public static final String TABS_ID = "sections";

    private final LiveText text;
    private final List<Section> sections;
    private Stage stage;
    private TabPane tabs;

    /** A window of {@code sections}, in order. */
    public ShellView(LiveText text, List<Section> sections) {
        this.text = text;
        this.sections = List.copyOf(sections);
    }

    /** Brings the shown window forward with the section {@code id} selected (a section that needs the user). */
    public void bringForward(String id) {
        tabs.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        stage.setIconified(false);
        stage.show();
        stage.toFront();
    }

    /** Puts the window on {@code stage} and shows it. */
    public void show(Stage stage) {
        this.stage = stage;
        tabs = new TabPane();
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Section section : sections) {
            Tab tab = new Tab();
            tab.setId(section.id());
            tab.textProperty().bind(text.text(section.title()));
            // Built when first shown: the window is up sooner and a tab never opened costs nothing.
            tab.selectedProperty().addListener((property, before, selected) -> {
                if (selected && tab.getContent() == null) {
                    tab.setContent(section.content());
                }
            });
            tabs.getTabs().add(tab);
        }
        for (int index = 0; index < sections.size(); index++) {
            Tab tab = tabs.getTabs().get(index);
            if (tab.isSelected() && tab.getContent() == null) {
                tab.setContent(sections.get(index).content());
            }
        }
        stage.titleProperty().bind(text.text(MessageKey.WINDOW_TITLE));
        stage.setScene(new Scene(tabs, 900, 620));
        stage.show();
    }
}
