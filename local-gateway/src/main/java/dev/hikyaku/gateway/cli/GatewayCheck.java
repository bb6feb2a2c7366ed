package dev.hikyaku.gateway.cli;

import dev.hikyaku.gateway.instance.InstanceLock;
import dev.hikyaku.gateway.listen.ListenEndpoints;
import dev.hikyaku.gateway.text.GatewayText;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks, before anything is served, that this user's gateway could start: the data folder is usable, no
 * other instance holds it, and every listen endpoint is loopback (unless allowed) and free.
 */
public final class GatewayCheck {
    private final PrintStream out;
    private final Locale locale;

    /** A check that reports to {@code out} in {@code locale}. */
    public GatewayCheck(PrintStream out, Locale locale) {
        this.out = out;
        this.locale = locale;
    }

    /** Runs the check; true when the gateway could start with these settings. */
    public boolean run(ListenEndpoints endpoints, Path dataDirectory) {
        boolean ok = true;
        out.println(GatewayText.format(locale, "check.dataDirectory", dataDirectory));
        try (InstanceLock lock = InstanceLock.tryAcquire(dataDirectory).orElse(null)) {
            if (lock == null) {
                out.println(GatewayText.format(locale, "check.otherInstance"));
                ok = false;
            }
            for (InetSocketAddress address : endpoints.addresses()) {
                Optional<String> problem = bindProblem(address);
                out.println(problem.isEmpty()
                        ? GatewayText.format(locale, "check.endpointFree", address.getAddress().getHostAddress(), Integer.toString(address.getPort()))
                        : GatewayText.format(locale, "check.endpointBusy", address.getAddress().getHostAddress(), Integer.toString(address.getPort()), problem.get()));
                ok &= problem.isEmpty();
            }
        } catch (IOException e) {
            out.println(GatewayText.format(locale, "check.dataDirectoryUnusable", dataDirectory, e.getMessage()));
            ok = false;
        }
        out.println(GatewayText.format(locale, ok ? "check.ok" : "check.failed"));
        return ok;
    }

    private static Optional<String> bindProblem(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
