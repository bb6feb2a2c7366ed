package dev.hikyaku.app.tray;

/**
 * Everything the tray icon shows, already in the user's language.
 *
 * @param tooltip the icon's tooltip: status and held count
 * @param status  the status menu line
 * @param held    the held-mail menu line
 * @param pause   "pause" or "resume"
 * @param open    the open item
 * @param quit    the quit item
 * @param running whether the gateway runs (the icon's mark)
 */
public record TrayLines(String tooltip, String status, String held, String pause, String open, String quit,
                        boolean running) {
}
