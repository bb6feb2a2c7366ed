package dev.hikyaku.advisor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientDomainTest {

    @ParameterizedTest
    @CsvSource({
            "taro@Example.JP, example.jp",
            "Example.JP., example.jp",
            "  mx.example.co.jp  , mx.example.co.jp",
            "花子@例え.jp, xn--r8jz45g.jp",
            "xn--r8jz45g.jp, xn--r8jz45g.jp",
            "\"odd@local\"@example.jp, example.jp"})
    void addressesAndDomainsBecomeLowerCaseALabels(String typed, String ascii) {
        assertEquals(ascii, RecipientDomain.parse(typed).ascii());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "taro@", "bad..example.jp", "-x.example.jp", "taro@[192.0.2.1]", "example", "a b.jp",
            "x_y.example.jp", "taro@example.jp@"})
    void whatIsNoMailDomainIsRejectedWithTheTextAsTyped(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecipientDomain.parse(typed));
        assertEquals(typed, e.getMessage());
    }
}
