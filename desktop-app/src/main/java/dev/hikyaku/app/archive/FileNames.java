package dev.hikyaku.app.archive;

/** File names the export suggests: the subject, made safe for every file system. */
final class FileNames {
    private static final int MAX_LENGTH = 80;

    private FileNames() {
    }

    /** {@code subject.eml}, or {@code subject (label).eml} for a copy; "message" when the subject is empty. */
    static String eml(String subject, String label) {
        String base = subject.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH).strip();
        }
        if (base.isEmpty()) {
            base = "message";
        }
        return (label.isEmpty() ? base : base + " (" + label.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ")")
                + ".eml";
    }
}
