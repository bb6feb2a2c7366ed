package dev.hikyaku.app.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.archive.MessageState;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ArchiveBundleTest {
    @Test
    void theArchiveBundleIsComplete() throws IOException {
        BundleChecks.assertComplete(ArchiveText.class);
    }

    @Test
    void countsAndStatesReadWellInBothLanguages() {
        Messages english = new Messages(UiLanguage.ENGLISH);
        assertEquals("No messages found.", english.format(ArchiveText.STATUS_COUNT, 0));
        assertEquals("1 message.", english.format(ArchiveText.STATUS_COUNT, 1));
        assertEquals("1,200 messages.", english.format(ArchiveText.STATUS_COUNT, 1200));
        for (MessageState state : MessageState.values()) {
            english.format(ArchiveText.state(state));
        }
        assertEquals("一部送信済み", new Messages(UiLanguage.JAPANESE).format(ArchiveText.state(MessageState.PARTLY_SENT)));
    }
}
