package dev.hikyaku.gateway.guard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "TEL 03-1234-5678|+81312345678",
        "TEL:03-1234-5678|+81312345678",
        "電話 045-123-4567 まで|+81451234567",
        "0467-12-3456|+81467123456",
        "01267-2-3456|+81126723456",
        "携帯 090-1234-5678|+819012345678",
        "080 1234 5678|+818012345678",
        "IP電話 050-1234-5678|+815012345678",
        "フリーダイヤル 0120-123-456|+81120123456",
        "0570-012-345|+81570012345",
        "0800-123-4567|+818001234567",
        "(03)1234-5678|+81312345678",
        "(03) 1234-5678|+81312345678",
        "03(1234)5678|+81312345678",
        "090-12345678|+819012345678",
        "09012345678|+819012345678",
        "０３－１２３４－５６７８|+81312345678",
        "０９０ー１２３４ー５６７８|+819012345678",
        "03‐1234‐5678|+81312345678",
        "03−1234−5678|+81312345678",
        "03―1234―5678|+81312345678",
        "03ｰ1234ｰ5678|+81312345678",
        "（０３）１２３４－５６７８|+81312345678",
        "+81 3-1234-5678|+81312345678",
        "+81-90-1234-5678|+819012345678",
        "+81 (0)3 1234 5678|+81312345678",
        "＋８１ ３ １２３４ ５６７８|+81312345678",
        "+1 212 555 0100|+12125550100",
        "+1 (212) 555-0100|+12125550100",
        "+44 20 7946 0958|+442079460958",
        "+44 (0)20 7946 0958|+442079460958",
        "+442079460958|+442079460958",
        "(212) 555-0100|+12125550100",
        "212-555-0100|+12125550100",
        "212.555.0100|+12125550100",
    })
    void findsTheNumberInEachWayOfWritingIt(String text, String number) {
        assertEquals(List.of(number), PhoneNumbers.find(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "2024-06-12",
        "2024/06/12 10:30",
        "令和6年6月12日 10:30-12:00",
        "受付時間 09:00-18:00",
        "0900-1730",
        "¥1,234,567",
        "1,234,567円（税込）",
        "金額 0,000,000",
        "注文番号 0012-3456-7890",
        "注文番号: 0123-456-789",
        "ORDER-03-1234-5678",
        "伝票番号 03-1234-56789",
        "請求書番号 0312345678",
        "〒060-0001",
        "123-4567",
        "ISBN978-4-06-123456-7",
        "INV-2024-0001",
        "192.168.100.1",
        "v1.2.3",
        "+5 points, +10%",
        "03-15-2024",
        "555-123-4567",
        "0.5 mm",
        "1.03-1234-5678",
    })
    void datesTimesAmountsAndCodesAreNotNumbers(String text) {
        assertEquals(List.of(), PhoneNumbers.find(text));
    }

    @Test
    void aNumberWrittenTwiceCountsOnceInEitherForm() {
        String text = """
                TEL 03-1234-5678 / FAX 03-1234-5679
                > TEL 03-1234-5678
                > +81 3-1234-5678
                """;
        assertEquals(List.of("+81312345678", "+81312345679"), PhoneNumbers.find(text));
        assertEquals(2, PhoneNumbers.count(text));
    }

    @Test
    void numbersSideBySideAreEachFound() {
        assertEquals(3, PhoneNumbers.count("03-1111-2222 03-3333-4444、090-5555-6666"));
        assertEquals(List.of("+12125550100", "+442079460958"), PhoneNumbers.find("+1 212 555 0100 +44 20 7946 0958"));
    }

    @Test
    void aListOfCustomersIsCounted() {
        StringBuilder list = new StringBuilder("顧客一覧\n");
        for (int i = 0; i < 20; i++) {
            list.append("山田 太郎").append(i).append("様 090-1234-").append(String.format("%04d", i)).append('\n');
        }
        assertEquals(20, PhoneNumbers.count(list.toString()));
    }
}
