package dev.hikyaku.gateway.guard;

import static dev.hikyaku.gateway.mime.TestMessages.base64;
import static dev.hikyaku.gateway.mime.TestMessages.bytes;
import static dev.hikyaku.gateway.mime.TestMessages.encodedWord;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.mime.MessageAnalyser;
import dev.hikyaku.gateway.mime.MessageSummary;
import dev.hikyaku.gateway.mime.TestMessages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guards on messages as mail clients write them, read by the real analyser. */
class AnalysedMessageTest {

    @Test
    void aQuoteToTwoOutsidersNeedsThemAndItsFileTicked() {
        MessageSummary summary = new MessageAnalyser().analyse(TestMessages.japaneseQuote());
        GuardInput input = new GuardInput(summary, "taro@example.co.jp",
                List.of("hanako@partner.example", "jiro@other.example", "sales@example.co.jp"));
        GuardReport report = GuardEvaluator.evaluate(Guards.configured("guard.confirm = yes"), input,
                Guards.WEDNESDAY_MORNING);
        List<ConfirmItem> items = report.confirmation().orElseThrow().items();
        assertEquals(List.of(new ConfirmItem.Recipient("hanako@partner.example"),
                new ConfirmItem.Recipient("jiro@other.example")), items.subList(0, 2));
        assertEquals("見積書.pdf", ((ConfirmItem.File) items.get(2)).fileName());
        assertEquals(3, items.size());
    }

    @Test
    void aCustomerListInShiftJisIsCaughtByItsPhoneNumbersAndAddresses() {
        // Written as Outlook on Windows writes "Shift_JIS": Microsoft's variant, which has the full-width hyphen.
        String list = """
                顧客一覧（社外秘）
                山田様 ＴＥＬ：０３－１２３４－５６７８ 〒１００－０００５ 東京都千代田区丸の内１－１－１
                佐藤様 ＴＥＬ：０６ー６１２３ー４５６７ 大阪府大阪市北区梅田３丁目１番１号
                鈴木様 携帯：０９０‐９８７６‐５４３２ 神奈川県横浜市西区みなとみらい２－３－１
                """;
        byte[] message = bytes(
                "From: taro@example.co.jp",
                "To: client@customer.example",
                "Subject: " + encodedWord("ご参考", "ISO-2022-JP"),
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=Shift_JIS",
                "Content-Transfer-Encoding: base64",
                "",
                base64(list, "windows-31j"));
        MessageSummary summary = new MessageAnalyser().analyse(message);
        GuardInput input = new GuardInput(summary, "taro@example.co.jp", List.of("client@customer.example"));
        GuardReport report = GuardEvaluator.evaluate(Guards.configured("guard.refuse.phones = yes",
                "guard.refuse.phones.max = 2", "guard.refuse.postal = yes", "guard.refuse.postal.max = 2",
                "guard.refuse.keywords = yes", "guard.refuse.keywords.list = 社外秘"), input, Guards.WEDNESDAY_MORNING);
        assertEquals(List.of("refuse.keywords", "refuse.phones", "refuse.postal"), Guards.fired(report));
        assertEquals(List.of(3L, 2L), report.fired().get(1).reason().arguments());
        assertEquals(List.of(3L, 2L), report.fired().get(2).reason().arguments());
    }
}
