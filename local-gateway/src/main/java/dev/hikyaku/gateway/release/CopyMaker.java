package dev.hikyaku.gateway.release;

import dev.hikyaku.gateway.queue.QueuedMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Prepares what a release hands over: which file goes to which recipients. */
public interface CopyMaker {

    /**
     * The copies of {@code message} for {@code recipients} (claimed now); a recipient that cannot get one is in
     * {@link Copies#failed()} with the reason. A copy made before (a retry) is used again, not made anew.
     */
    Copies prepare(QueuedMessage message, List<String> recipients);

    /**
     * One file for some recipients.
     *
     * @param label              the copy's name in the archive (its group)
     * @param file               the message as it goes out
     * @param recipients         its envelope recipients
     * @param authenticatedRoute whether their route's verdict is AUTHENTICATED (REQUIRETLS may be asked for)
     */
    record Copy(String label, Path file, List<String> recipients, boolean authenticatedRoute) {
        /** Unmodifiable recipients. */
        public Copy {
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * The copies for one release.
     *
     * @param copies   the files and who gets each
     * @param failed   recipients that get none, with why (shown to the sender in the failure notice)
     * @param awaiting recipients that wait for the sender's decision (e.g. the identity that should sign expired)
     * @param waiting  recipients that wait, unattempted, for something the user provides (the identities' password)
     */
    record Copies(List<Copy> copies, Map<String, String> failed, Map<String, String> awaiting,
                  Map<String, String> waiting) {
        /** Unmodifiable parts. */
        public Copies {
            copies = List.copyOf(copies);
            failed = Map.copyOf(failed);
            awaiting = Map.copyOf(awaiting);
            waiting = Map.copyOf(waiting);
        }

        /** Copies, and recipients that failed; nobody waits. */
        public Copies(List<Copy> copies, Map<String, String> failed) {
            this(copies, failed, Map.of(), Map.of());
        }
    }
}
