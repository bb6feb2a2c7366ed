package dev.hikyaku.smime.install;

import dev.hikyaku.smime.text.Notice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What installing a certificate into a mail client came to. */
public sealed interface InstallReport {

    /** The client it was for. */
    MailClient client();

    /**
     * Installed and checked: the certificate and its key were found in the client's store afterwards.
     *
     * @param nickname  the name the client shows for it
     * @param nextSteps what the user still does in the client (choosing the certificate for the account)
     */
    record Installed(MailClient client, String nickname, List<Notice> nextSteps) implements InstallReport {
        /** Copies the list. */
        public Installed {
            nextSteps = List.copyOf(nextSteps);
        }
    }

    /**
     * Left for the user to import: a file, its one-time password, and the exact steps.
     *
     * @param file         the PKCS#12 file written
     * @param filePassword the file's password, to show the user once (it protects only this copy)
     * @param steps        the steps in the client, in order
     * @param script       a script that does the import, when the client has one (PowerShell for Outlook)
     * @param check        a command that shows whether the import worked, when there is one
     */
    record ManualImport(MailClient client, Path file, String filePassword, List<Notice> steps, Optional<String> script,
                        Optional<String> check) implements InstallReport {
        /** Copies the list. */
        public ManualImport {
            steps = List.copyOf(steps);
        }

        @Override
        public String toString() {
            // The password is for the user's eyes, not for logs.
            return "ManualImport[" + client + ", " + file + "]";
        }
    }

    /** Not installed, for the reason. */
    record Failed(MailClient client, Notice reason) implements InstallReport {
    }
}
