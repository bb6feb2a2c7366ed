package dev.hikyaku.smime.sources;

import dev.hikyaku.smime.contacts.OfferOutcome;
import dev.hikyaku.smime.text.Notice;
import java.util.List;

/**
 * What one item of a source (a file, a message, a directory entry, a DNS name) gave.
 *
 * @param item     what was read, for the user (a file name, a folder and UID, an address)
 * @param offered  what the contact store did with each certificate offered
 * @param problems why something could not be read or was not offered, for the user
 */
public record SourceReport(String item, List<OfferOutcome> offered, List<Notice> problems) {

    /** Copies the lists. */
    public SourceReport {
        offered = List.copyOf(offered);
        problems = List.copyOf(problems);
    }

    /** A report of an item that gave nothing, for the reason. */
    public static SourceReport failed(String item, Notice problem) {
        return new SourceReport(item, List.of(), List.of(problem));
    }

    /** How many certificates the store did not know before. */
    public long added() {
        return offered.stream().filter(outcome -> outcome.result() == OfferOutcome.Result.ADDED).count();
    }
}
