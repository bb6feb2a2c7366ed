package dev.hikyaku.bench.startup;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/** The reference: the smallest JavaFX window of the app's size, a tab pane with one label, nothing behind it. */
public final class HelloWindow extends Application {
    @Override
    public void start(Stage stage) {
        TabPane tabs = new TabPane(new Tab("Hello", new Label("Hello, world")));
        tabs.setId(StartupProbe.MAIN_WINDOW_ID);
        stage.setTitle("Hello");
        stage.setScene(new Scene(tabs, 900, 620));
        stage.show();
    }
}
