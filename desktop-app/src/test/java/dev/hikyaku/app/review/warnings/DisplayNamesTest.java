package dev.hikyaku.app.review.warnings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.gateway.mime.MailAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {
    private static Optional<String> misfit(String displayName, String address) {
        return DisplayNames.misfit(new MailAddress(address, displayName));
    }

    @Test
    void anOrganisationTheDomainDoesNotCarryIsAMisfit() {
        assertEquals(Optional.of("Acme Corp"), misfit("Yamada (Acme Corp)", "yamada@gmail.com"));
        assertEquals(Optional.of("Acme"), misfit("Yamada Taro / Acme", "taro@gmail.com"));
        assertEquals(Optional.of("Acme Holdings"), misfit("山田 太郎【Acme Holdings】", "t.yamada@outlook.jp"));
    }

    @Test
    void anOrganisationTheDomainCarriesFits() {
        assertEquals(Optional.empty(), misfit("Yamada (Acme Corp)", "yamada@acme-corp.co.jp"));
        assertEquals(Optional.empty(), misfit("Sato Hanako / Example Inc.", "hanako@example.co.jp"));
        assertEquals(Optional.empty(), misfit("Suzuki (Acmesoft)", "suzuki@acme.jp"));
        assertEquals(Optional.empty(), misfit("Tanaka (Sales)", "tanaka@gmail.com"), "a department names no one");
    }

    @Test
    void anotherAddressInTheNameIsAMisfit() {
        assertEquals(Optional.of("boss@acme.co.jp"), misfit("boss@acme.co.jp", "boss@evil.test"));
        assertEquals(Optional.of("ceo@example.co.jp"), misfit("CEO (ceo@example.co.jp)", "ceo@examp1e.co.jp"));
        assertEquals(Optional.empty(), misfit("hanako@example.co.jp", "Hanako@Example.co.jp"));
    }

    @Test
    void anotherDomainInTheNameIsAMisfitButItsOwnOrAParentIsNot() {
        assertEquals(Optional.of("acme.co.jp"), misfit("acme.co.jp", "support@acme-help.test"));
        assertEquals(Optional.empty(), misfit("Sato (example.co.jp)", "sato@mail.example.co.jp"));
        assertEquals(Optional.empty(), misfit("Ver. 2.0 team", "dev@example.co.jp"));
    }

    @Test
    void namesInJapaneseScriptAndPlainNamesAreNotJudged() {
        assertEquals(Optional.empty(), misfit("山田 太郎 (株式会社アクメ)", "taro@gmail.com"));
        assertEquals(Optional.empty(), misfit("Yamada Taro", "taro@gmail.com"));
        assertEquals(Optional.empty(), misfit("", "taro@gmail.com"));
    }
}
