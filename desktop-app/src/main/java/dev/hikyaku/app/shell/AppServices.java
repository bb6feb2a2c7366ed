package dev.hikyaku.app.shell;

import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.i18n.LiveText;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What every window works with, handed in rather than looked up: the texts, the in-process gateway, its events
 * on the UI thread, the clock, a thread for long work and the data folder.
 *
 * @param text          the current language and its texts
 * @param gateway       the gateway runner (the gateway itself once it runs)
 * @param events        the gateway's events, on the UI thread
 * @param clock         the time
 * @param background    where long work runs, never on the UI thread
 * @param ui            how background work hands results back to the UI thread
 * @param dataDirectory the user's data folder (configuration, archive, passphrases)
 */
public record AppServices(LiveText text, GatewayRunner gateway, FxEvents events, Clock clock, Executor background,
                          Executor ui, Path dataDirectory) {
}
