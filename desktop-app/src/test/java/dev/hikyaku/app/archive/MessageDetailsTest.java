package dev.hikyaku.app.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.advisor.verdict.Level;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageDetailsTest {
    @TempDir
    Path temp;

    @Test
    void eachRecipientGetsItsDomainsVerdictItsCopiesAndItsDeliveries() throws IOException {
        SeededArchive seeded = SeededArchive.create(temp);
        try (var archive = seeded.archive) {
            MessageDetails details = MessageDetails.of(archive.find(SeededArchive.ESTIMATE).orElseThrow());
            RecipientRoute hanako = details.recipients().get(0);
            assertEquals("hanako@secure.test", hanako.recipient());
            assertEquals("secure.test", hanako.domain());
            assertEquals(Optional.of(Level.AUTHENTICATED), hanako.level());
            assertEquals(List.of(SeededArchive.COPY_LABEL), hanako.copies());
            assertEquals("sent", hanako.latest().status());
            assertEquals(1, hanako.history().size());
            assertEquals(List.of(), details.rules());
        }
    }

    @Test
    void internationalDomainsAreMatchedAsTheVerdictsRecordThem() {
        assertEquals("xn--r8jz45g.jp", MessageDetails.domainOf("担当@例え.jp"));
        assertEquals("weird..domain", MessageDetails.domainOf("x@Weird..Domain"));
    }

    @Test
    void anUnknownLevelNameCountsAsUnknown() {
        assertEquals(Level.PLAINTEXT, MessageDetails.level("plaintext"));
        assertEquals(Level.UNKNOWN, MessageDetails.level("SOMETHING_NEW"));
    }

    @Test
    void exportNamesAreSafeOnEveryFileSystem() {
        assertEquals("見積書の送付について.eml", FileNames.eml("見積書の送付について", ""));
        assertEquals("a_b_ c_.eml", FileNames.eml("a/b: c?", ""));
        assertEquals("message (g1 aes-zip).eml", FileNames.eml("  ", "g1 aes-zip"));
        assertEquals("hidden.eml", FileNames.eml("..hidden", ""));
    }
}
