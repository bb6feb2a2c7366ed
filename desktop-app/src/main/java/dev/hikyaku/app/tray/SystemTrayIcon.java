package dev.hikyaku.app.tray;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/**
 * The OS tray icon (java.awt.SystemTray): a mark, a tooltip, a menu (status, held count, open, pause or resume,
 * quit) and notifications. Only drawing and clicks live here; every decision is {@link TrayDecisions}'.
 */
final class SystemTrayIcon implements TraySurface, AutoCloseable {
    private final TrayIcon icon;
    private final MenuItem status = new MenuItem();
    private final MenuItem held = new MenuItem();
    private final MenuItem open = new MenuItem();
    private final MenuItem pause = new MenuItem();
    private final MenuItem quit = new MenuItem();
    private boolean running;

    private SystemTrayIcon(TrayIcon icon) {
        this.icon = icon;
    }

    /** Adds the icon to the tray; call only where {@link SystemTray#isSupported()}. */
    static SystemTrayIcon install(Runnable onOpen, Runnable onPause, Runnable onQuit) throws AWTException {
        // The product name until the first status arrives, so the icon never says nothing.
        TrayIcon icon = new TrayIcon(mark(false), "Hikyaku");
        icon.setImageAutoSize(true);
        SystemTrayIcon tray = new SystemTrayIcon(icon);
        tray.status.setEnabled(false);
        tray.held.setEnabled(false);
        tray.open.addActionListener(event -> onOpen.run());
        tray.pause.addActionListener(event -> onPause.run());
        tray.quit.addActionListener(event -> onQuit.run());
        PopupMenu menu = new PopupMenu();
        menu.add(tray.status);
        menu.add(tray.held);
        menu.addSeparator();
        menu.add(tray.open);
        menu.add(tray.pause);
        menu.addSeparator();
        menu.add(tray.quit);
        icon.setPopupMenu(menu);
        icon.addActionListener(event -> onOpen.run());
        SystemTray.getSystemTray().add(icon);
        return tray;
    }

    @Override
    public void show(TrayLines lines) {
        EventQueue.invokeLater(() -> {
            icon.setToolTip(lines.tooltip());
            status.setLabel(lines.status());
            held.setLabel(lines.held());
            open.setLabel(lines.open());
            pause.setLabel(lines.pause());
            quit.setLabel(lines.quit());
            if (lines.running() != running) {
                running = lines.running();
                icon.setImage(mark(running));
            }
        });
    }

    @Override
    public void notify(String title, String body, Notice.Severity severity) {
        TrayIcon.MessageType type = switch (severity) {
            case INFO -> TrayIcon.MessageType.INFO;
            case WARNING -> TrayIcon.MessageType.WARNING;
            case ERROR -> TrayIcon.MessageType.ERROR;
        };
        EventQueue.invokeLater(() -> icon.displayMessage(title, body, type));
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    /** The mark: 飛 on a disc, blue while the gateway runs, grey otherwise (the tooltip says which in words). */
    private static BufferedImage mark(boolean running) {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(running ? new Color(0x1f5fa8) : new Color(0x777777));
        g.fillOval(0, 0, 32, 32);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        int width = g.getFontMetrics().stringWidth("飛");
        g.drawString("飛", (32 - width) / 2, 24);
        g.dispose();
        return image;
    }
}
