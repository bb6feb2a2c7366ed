package dev.hikyaku.smime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

    @Test
    void domainIsLowerCasedAndConvertedToALabels() {
        EmailAddress address = EmailAddress.parse("  Info@例え.テスト ");
        assertEquals("Info", address.localPart());
        assertEquals("xn--r8jz45g.xn--zckzah", address.domain());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|email.empty",
            "taro.example.jp|email.noAt",
            "taro@|email.noAt",
            "@example.jp|email.noAt",
            "taro..yamada@example.jp|email.badLocal",
            "\"quoted\"@example.jp|email.badLocal",
            "山田@example.jp|email.badLocal",
            "taro@localhost|email.badDomain",
            "taro@-bad.example|email.badDomain",
            "taro@exa mple.jp|email.badDomain",
            "taro@example..jp|email.badDomain"})
    void badInputIsRefusedWithTheMatchingReason(String typed, String key) {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> EmailAddress.parse(typed));
        assertEquals(key, e.messageKey());
    }

    @Test
    void reasonIsGivenInJapaneseAndEnglish() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class, () -> EmailAddress.parse("taro.example.jp"));
        assertTrue(e.message(Locale.ENGLISH).startsWith("'taro.example.jp' is not an email address"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.JAPANESE).startsWith("「taro.example.jp」はメールアドレスではありません"), e.message(Locale.JAPANESE));
        assertEquals(e.message(Locale.ENGLISH), e.getMessage());
    }

    @Test
    void overlongLocalPartIsRefused() {
        assertEquals("email.badLocal",
                assertThrows(RequestRejectedException.class, () -> EmailAddress.parse("a".repeat(65) + "@example.jp")).messageKey());
    }
}
