package dev.hikyaku.app.system;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs programs as processes, their output discarded, waiting at most a minute. */
final class ProcessCommands implements Commands {
    @Override
    public int run(List<String> command) throws LoginStartException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new LoginStartException(null, SystemText.COMMAND_FAILED, String.join(" ", command), "timeout");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new LoginStartException(e, SystemText.COMMAND_FAILED, String.join(" ", command), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginStartException(e, SystemText.COMMAND_FAILED, String.join(" ", command), "interrupted");
        }
    }
}
