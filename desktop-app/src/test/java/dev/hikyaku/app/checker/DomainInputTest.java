package dev.hikyaku.app.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainInputTest {
    private static List<String> typed(String text) {
        return DomainInput.parse(text).stream().map(DomainInput.Entry::typed).toList();
    }

    private static List<Optional<String>> domains(String text) {
        return DomainInput.parse(text).stream().map(entry -> entry.domain().map(Object::toString)).toList();
    }

    @Test
    void entriesAreSeparatedByCommasSpacesNewLinesAndJapanesePunctuation() {
        assertEquals(List.of("a.test", "b.test", "c.test", "d.test", "e.test", "f.test"),
                typed("a.test, b.test\nc.test;d.test\u3000e.test\u3001f.test"));
    }

    @Test
    void addressesAndInternationalDomainsNameTheirMailDomain() {
        assertEquals(List.of(Optional.of("example.jp"), Optional.of("xn--r8jz45g.jp"), Optional.of("example.com")),
                domains("Someone@Example.JP 担当@例え.jp <x@example.com.>"));
    }

    @Test
    void aDomainTypedTwiceIsCheckedOnce() {
        assertEquals(List.of("example.jp", "bad", "c.test"), typed("example.jp a@EXAMPLE.jp bad bad c.test"));
    }

    @Test
    void whatIsNoMailDomainStaysAsAnInvalidEntry() {
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("ok.test")),
                domains("localhost user@ [192.0.2.1] ok.test"));
    }

    @Test
    void blankInputHasNoEntries() {
        assertEquals(List.of(), typed("  ,\n ; "));
    }
}
