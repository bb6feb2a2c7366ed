package dev.hikyaku.gateway.guard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostalAddressesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "〒100-0005",
        "〒１００－０００５",
        "〒1000005",
        "100-0005 東京都千代田区丸の内1-1-1",
        "東京都千代田区丸の内1-1-1",
        "東京都千代田区丸の内１－１－１",
        "東京都千代田区丸の内一丁目1番1号",
        "大阪府大阪市北区梅田3丁目1番1号",
        "神奈川県横浜市西区みなとみらい2-3-1",
        "北海道札幌市中央区北1条西2丁目",
        "京都府京都市下京区烏丸通七条下ル東塩小路町721-1",
        "長野県北佐久郡軽井沢町大字軽井沢1323番地",
        "〒100-0005\n東京都千代田区丸の内1-1-1 丸の内ビル",
        "New York, NY 10001",
        "1600 Amphitheatre Parkway, Mountain View, CA 94043-1351",
        "10 Downing Street, London SW1A 2AA",
        "Manchester M1 1AE",
    })
    void findsOneAddressInEachWayOfWritingIt(String text) {
        assertEquals(1, PostalAddresses.count(text), () -> PostalAddresses.find(text).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "123-4567",
        "注文番号 123-4567 を確認しました",
        "03-1234-5678",
        "東京都の天気は晴れ",
        "東京都内で3件の会議",
        "大阪府の売上は前年比10%増",
        "2024-0612",
        "Order ID 12345",
        "NY 10001",
        "Player MP3 4GB",
        "version 2.0 released",
    })
    void numbersAndPlaceNamesAloneAreNotAddresses(String text) {
        assertEquals(0, PostalAddresses.count(text), () -> PostalAddresses.find(text).toString());
    }

    @Test
    void aSignatureQuotedAgainCountsOnce() {
        String text = """
                株式会社サンプル 〒100-0005 東京都千代田区丸の内1-1-1
                > 株式会社サンプル 〒100-0005 東京都千代田区丸の内1-1-1
                > > 株式会社サンプル 〒100-0005 東京都千代田区丸の内1-1-1
                """;
        assertEquals(1, PostalAddresses.count(text));
    }

    @Test
    void differentAddressesAreEachCounted() {
        String text = """
                本社: 〒100-0005 東京都千代田区丸の内1-1-1
                大阪支社: 大阪府大阪市北区梅田3丁目1番1号
                US office: 350 Fifth Avenue, New York, NY 10118
                UK office: 1 Canada Square, London E14 5AB
                """;
        assertEquals(4, PostalAddresses.count(text), () -> PostalAddresses.find(text).toString());
    }
}
