package dev.hikyaku.app.tray;

import dev.hikyaku.app.Launcher;
import dev.hikyaku.app.shell.ShellView;
import java.awt.AWTException;
import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;

/**
 * The child JVM of {@link SystemTrayIconTest}: starts the real app ({@link Launcher}, with its arguments) on the X
 * display it is given and answers the test's commands on stdin, one reply line each on stdout (prefixed
 * {@value #REPLY}, as the app's event log writes there too), about what the OS tray shows: {@code icons},
 * {@code tooltip}, {@code menu} (labels, "|" between), {@code click LABEL} (a menu item), {@code note} (the
 * notification on screen), {@code dismiss} (its close button), {@code windows} / {@code close-window} (the main
 * window), {@code double-click-icon} (with the real pointer), {@code shot FILE} (the screen as PNG). It never ends
 * the JVM itself: the app's quit has to.
 */
public final class TrayAppMain {
    /** The prefix of a reply line. */
    static final String REPLY = "@tray ";

    private final PrintStream out;
    private final AtomicReference<Stage> main = new AtomicReference<>();

    private TrayAppMain(PrintStream out) {
        this.out = out;
    }

    /** Launches the app with {@code args} and answers commands meanwhile. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Thread commands = new Thread(new TrayAppMain(out)::answer, "tray-probe");
        commands.setDaemon(true);
        commands.start();
        Launcher.main(args);
        out.println(REPLY + "launcher-returned");
    }

    private void answer() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String reply;
                try {
                    reply = command(line.trim());
                } catch (RuntimeException | ExecutionException | TimeoutException | AWTException | IOException e) {
                    reply = "error " + e;
                }
                out.println(REPLY + String.valueOf(reply).replace('\n', ' '));
            }
        } catch (IOException | InterruptedException | InvocationTargetException e) {
            out.println(REPLY + "error " + e);
        }
    }

    private String command(String line) throws InterruptedException, InvocationTargetException, ExecutionException,
            TimeoutException, AWTException, IOException {
        String[] words = line.split(" ", 2);
        String argument = words.length > 1 ? words[1] : "";
        switch (words[0]) {
            case "icons":
                return onAwt(() -> SystemTray.isSupported()
                        ? Integer.toString(SystemTray.getSystemTray().getTrayIcons().length) : "no tray");
            case "tooltip":
                return onAwt(() -> icon().getToolTip());
            case "menu":
                return onAwt(() -> labels(icon().getPopupMenu()));
            case "click":
                return onAwt(() -> click(argument));
            case "note":
                return onAwt(TrayAppMain::balloon);
            case "dismiss":
                return onAwt(TrayAppMain::dismiss);
            case "windows":
                return onFx(this::mainWindow);
            case "close-window":
                return onFx(this::closeMainWindow);
            case "double-click-icon":
                return doubleClickIcon();
            case "shot":
                return shot(Path.of(argument));
            default:
                return "unknown " + words[0];
        }
    }

    private static TrayIcon icon() {
        TrayIcon[] icons = SystemTray.getSystemTray().getTrayIcons();
        if (icons.length == 0) {
            throw new IllegalStateException("no tray icon");
        }
        return icons[0];
    }

    private static String labels(PopupMenu menu) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < menu.getItemCount(); i++) {
            MenuItem item = menu.getItem(i);
            labels.add(item.getLabel() + (item.isEnabled() ? "" : " (disabled)"));
        }
        return String.join("|", labels);
    }

    /** Fires the item labelled {@code label} as a click on it would, through AWT's event dispatch. */
    private static String click(String label) {
        PopupMenu menu = icon().getPopupMenu();
        for (int i = 0; i < menu.getItemCount(); i++) {
            MenuItem item = menu.getItem(i);
            if (item.getLabel().equals(label) && item.isEnabled()) {
                item.dispatchEvent(new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand()));
                return "clicked";
            }
        }
        return "no item " + label;
    }

    /** The notification balloon on screen as "title / body" (the wrapped lines keep their spaces), or "none". */
    private static String balloon() {
        for (Window window : Window.getWindows()) {
            if (window.getClass().getName().endsWith("Balloon") && window.isShowing()) {
                List<String> texts = new ArrayList<>();
                collect(window, Label.class, component -> texts.add(((Label) component).getText()));
                List<String> lines = texts.stream().filter(text -> !text.isBlank()).toList();
                return lines.isEmpty() ? "empty" : lines.get(0) + " / "
                        + String.join("", lines.subList(1, lines.size()));
            }
        }
        return "none";
    }

    /** Presses the close button of the balloon on screen, so the next notification may show. */
    private static String dismiss() {
        for (Window window : Window.getWindows()) {
            if (window.getClass().getName().endsWith("Balloon") && window.isShowing()) {
                List<Button> buttons = new ArrayList<>();
                collect(window, Button.class, component -> buttons.add((Button) component));
                for (Button button : buttons) {
                    button.dispatchEvent(new ActionEvent(button, ActionEvent.ACTION_PERFORMED,
                            button.getActionCommand()));
                }
                return "dismissed " + buttons.size();
            }
        }
        return "none";
    }

    private static void collect(Container container, Class<?> type, Consumer<Component> found) {
        for (Component component : container.getComponents()) {
            if (type.isInstance(component)) {
                found.accept(component);
            }
            if (component instanceof Container inner) {
                collect(inner, type, found);
            }
        }
    }

    /** The main window's title and whether it shows. */
    private String mainWindow() {
        return mainStage().map(stage -> stage.getTitle() + (stage.isShowing() ? " (showing)" : " (hidden)"))
                .orElse("none");
    }

    /** Asks the main window to close, as its title bar's close button does. */
    private String closeMainWindow() {
        return mainStage().map(stage -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            return "close requested";
        }).orElse("none");
    }

    /** The window with the shell's tabs, remembered: a hidden stage leaves JavaFX's list of windows. */
    private Optional<Stage> mainStage() {
        if (main.get() == null) {
            javafx.stage.Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                    .filter(stage -> stage.getScene() != null
                            && ShellView.TABS_ID.equals(stage.getScene().getRoot().getId()))
                    .findFirst().ifPresent(main::set);
        }
        return Optional.ofNullable(main.get());
    }

    /** Double-clicks the icon where the tray put it, with the real X pointer. */
    private static String doubleClickIcon() throws AWTException, InterruptedException,
            InvocationTargetException {
        Rectangle where = onAwt(() -> {
            for (Window window : Window.getWindows()) {
                if (window.getClass().getName().endsWith("XTrayIconEmbeddedFrame") && window.isShowing()) {
                    return new Rectangle(window.getLocationOnScreen(), window.getSize());
                }
            }
            return null;
        });
        if (where == null) {
            return "no icon on screen";
        }
        Robot robot = new Robot();
        robot.setAutoDelay(30);
        robot.mouseMove((int) where.getCenterX(), (int) where.getCenterY());
        for (int i = 0; i < 2; i++) {
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
        robot.waitForIdle();
        return "clicked at " + (int) where.getCenterX() + "," + (int) where.getCenterY();
    }

    private static String shot(Path file) throws AWTException, IOException {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", file.toFile());
        return "saved";
    }

    private static <T> T onAwt(Supplier<T> work) throws InterruptedException, InvocationTargetException {
        AtomicReference<T> result = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> result.set(work.get()));
        return result.get();
    }

    private static <T> T onFx(Supplier<T> work) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
