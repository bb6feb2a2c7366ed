package dev.hikyaku.advisor.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReasonTextTest {

    static Stream<Verdict> verdicts() {
        return Stream.of(new Verdict.Authenticated(Verdict.Pin.DANE, true), new Verdict.Authenticated(Verdict.Pin.MTA_STS, true),
                new Verdict.Authenticated(Verdict.Pin.MTA_STS, false), new Verdict.Encrypted(true), new Verdict.Encrypted(false),
                new Verdict.EncryptedUnverified(List.of("mx1: self-signed certificate")),
                new Verdict.Plaintext(List.of("mx2: no STARTTLS"), false), new Verdict.Plaintext(List.of("mx2: DANE mismatch"), true),
                new Verdict.NoMail(Verdict.NoMailCause.NULL_MX),
                new Verdict.NoMail(Verdict.NoMailCause.NO_SUCH_DOMAIN), new Verdict.NoMail(Verdict.NoMailCause.NO_MAIL_HOST), new Verdict.Unknown(Verdict.UnknownCause.PORT25_BLOCKED, ""),
                new Verdict.Unknown(Verdict.UnknownCause.NO_MX_ANSWERED, ""),
                new Verdict.Unknown(Verdict.UnknownCause.DNS_FAILED, "SERVFAIL"),
                new Verdict.Unknown(Verdict.UnknownCause.DNS_FORGED, "bad signature"));
    }

    @ParameterizedTest
    @MethodSource("verdicts")
    void everyVerdictHasASentenceInBothLanguages(Verdict verdict) {
        String english = ReasonText.of(verdict, Locale.ENGLISH);
        String japanese = ReasonText.of(verdict, Locale.JAPANESE);
        assertNotEquals(english, japanese);
        assertTrue(japanese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), japanese);
        assertTrue(english.endsWith("."), english);
        assertTrue(!english.contains("{0}") && !japanese.contains("{0}"));
    }

    @ParameterizedTest
    @MethodSource("verdicts")
    void detailsAppearInTheSentence(Verdict verdict) {
        if (verdict instanceof Verdict.Plaintext plaintext) {
            assertTrue(ReasonText.of(verdict, Locale.ENGLISH).contains(plaintext.causes().get(0)));
        }
        if (verdict instanceof Verdict.NoMail) {
            assertTrue(ReasonText.of(verdict, Locale.ENGLISH).contains("mistyped"));
            assertEquals(true, ReasonText.of(verdict, Locale.JAPANESE).contains("打ち間違い"));
        }
    }
}
