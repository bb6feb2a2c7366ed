package dev.hikyaku.smime.sources.imap;

/** Told how far a scan has come, so the app can show progress; called on the scanning thread. */
@FunctionalInterface
public interface HarvestProgress {

    /**
     * A step in a folder.
     *
     * @param folder the folder's full name
     * @param done   how many of the folder's candidate messages have been read
     * @param total  how many candidate (signed-looking) messages the folder has since the last scan
     */
    void progress(String folder, int done, int total);

    /** Progress that nobody watches. */
    static HarvestProgress none() {
        return (folder, done, total) -> { };
    }
}
