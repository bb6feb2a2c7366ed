package dev.hikyaku.advisor.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MtaStsRecordParserTest {
    private final MtaStsRecordParser parser = new MtaStsRecordParser();

    @Test
    void readsTheIdAndSkipsUnrelatedTxtRecords() throws Exception {
        assertEquals(Optional.of(new MtaStsRecord("20160831085700Z")),
                parser.parse(List.of("google-site-verification=abc", "v=STSv1; id=20160831085700Z;")));
    }

    @Test
    void extensionFieldsAndSpacingAreAccepted() throws Exception {
        assertEquals("abc123", parser.parse(List.of("v=STSv1 ;id=abc123; ext_1=value!")).orElseThrow().id());
    }

    @Test
    void noStsRecordMeansNoPolicy() throws Exception {
        assertTrue(parser.parse(List.of("v=spf1 -all", "v=STSv10; id=1")).isEmpty());
    }

    @Test
    void twoStsRecordsAreAFault() {
        assertEquals("2 v=STSv1 TXT records where exactly one is allowed", assertThrows(PolicySyntaxException.class,
                () -> parser.parse(List.of("v=STSv1; id=1", "v=STSv1; id=2"))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=STSv1", "v=STSv1;", "v=STSv1; id=", "v=STSv1; id=toolong0123456789012345678901234567",
            "v=STSv1; id=a-b", "v=STSv1; id=1; id=2", "v=STSv1; id=1; bad", "v=STSv1; id=1; x=a;b"})
    void malformedRecordsAreFaults(String record) {
        assertThrows(PolicySyntaxException.class, () -> parser.parse(List.of(record)));
    }
}
