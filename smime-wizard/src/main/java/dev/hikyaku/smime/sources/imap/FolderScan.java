package dev.hikyaku.smime.sources.imap;

import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import java.util.List;
import java.util.Optional;

/**
 * What one folder's scan found.
 *
 * @param folder   the folder's full name
 * @param examined how many messages were new since the last scan
 * @param reports  one report per signed-looking message read
 * @param problem  why the folder could not be scanned, when it could not
 */
public record FolderScan(String folder, int examined, List<SourceReport> reports, Optional<Notice> problem) {

    /** Copies the list. */
    public FolderScan {
        reports = List.copyOf(reports);
    }

    /** How many certificates were new to the store. */
    public long added() {
        return reports.stream().mapToLong(SourceReport::added).sum();
    }
}
