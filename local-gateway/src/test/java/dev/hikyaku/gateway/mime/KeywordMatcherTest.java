package dev.hikyaku.gateway.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.gateway.mime.KeywordMatcher.Place;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    @Test
    void findsKeywordsIgnoringCaseAndWidthAndSaysWhere() {
        MessageSummary summary = new MessageAnalyser().analyse(TestMessages.japaneseQuote());
        KeywordMatcher matcher = KeywordMatcher.of(summary);

        assertEquals(Set.of(Place.SUBJECT), matcher.find("ＱＵＯＴＥ"));
        assertEquals(Set.of(Place.BODY, Place.ATTACHMENT_NAME), matcher.find("見積書"));
        assertEquals(Set.of(Place.ATTACHMENT_NAME), matcher.find(".PDF"));
        assertEquals(Set.of(Place.BODY), matcher.find("invoice"));
        assertEquals(Set.of(), matcher.find("confidential"));
        assertEquals(Set.of(), matcher.find("  "));
    }

    @Test
    void halfWidthKanaMatchFullWidth() {
        MessageSummary summary = new MessageAnalyser().analyse(
                TestMessages.bytes("Subject: " + TestMessages.encodedWord("ﾏﾙﾋ 資料", "UTF-8"), "", "x"));
        assertEquals(Set.of(Place.SUBJECT), KeywordMatcher.of(summary).find("マルヒ"));
    }
}
