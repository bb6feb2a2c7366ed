package dev.hikyaku.gateway.guard;

import static dev.hikyaku.gateway.guard.Guards.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.guard.ForceBccRule.BccMode;
import dev.hikyaku.gateway.guard.GuardEffect.ForceBcc;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ForcedBccTest {

    private static String[] customers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "c" + i + "@customer" + i + ".example").toArray(String[]::new);
    }

    @Test
    void exactlyTheThresholdIsLeftAloneOneMoreMovesThemAll() {
        String[] rule = {"guard.force-bcc = yes", "guard.force-bcc.threshold = 3"};
        assertEquals(Optional.empty(), evaluate(Mail.message().to(customers(3)), rule).forceBcc());
        ForceBcc moved = evaluate(Mail.message().to(customers(2)).cc("c3@customer3.example", "c4@customer4.example"), rule)
                .forceBcc().orElseThrow();
        assertEquals(BccMode.BCC_ONLY, moved.mode());
        assertEquals(List.of(customers(4)), moved.moved());
    }

    @Test
    void theDefaultThresholdIsTen() {
        assertEquals(Optional.empty(), evaluate(Mail.message().to(customers(10)), "guard.force-bcc = yes").forceBcc());
        assertEquals(11, evaluate(Mail.message().to(customers(11)), "guard.force-bcc = yes").forceBcc().orElseThrow()
                .moved().size());
    }

    @Test
    void internalAddressesStayVisibleAndNeitherCountNorMove() {
        Mail mail = Mail.message().to(customers(2)).cc("hanako@example.co.jp", "jiro@osaka.example.co.jp");
        String[] rule = {"guard.force-bcc = yes", "guard.force-bcc.threshold = 2"};
        assertEquals(Optional.empty(), evaluate(mail, rule).forceBcc());
        ForceBcc moved = evaluate(mail.cc("p@partner.example.com"), rule).forceBcc().orElseThrow();
        assertEquals(List.of("c1@customer1.example", "c2@customer2.example", "p@partner.example.com"), moved.moved());
    }

    @Test
    void anAddressInBothToAndCcCountsOnceAndBccIsNotCounted() {
        String[] rule = {"guard.force-bcc = yes", "guard.force-bcc.threshold = 2"};
        Mail mail = Mail.message().to("a@x.example", "b@y.example").cc("A@X.example").bcc("c@z.example", "d@w.example");
        assertEquals(Optional.empty(), evaluate(mail, rule).forceBcc());
    }

    @Test
    void perRecipientModeAndTheSenderIsTold() {
        GuardReport report = evaluate(Mail.message().to(customers(2)), "guard.force-bcc = yes",
                "guard.force-bcc.threshold = 1", "guard.force-bcc.mode = per-recipient");
        assertEquals(BccMode.PER_RECIPIENT, report.forceBcc().orElseThrow().mode());
        FiredRule firing = report.fired().get(0);
        assertEquals(GuardRule.FORCE_BCC, firing.rule());
        assertTrue(firing.reason().render(Locale.ENGLISH).startsWith("To and Cc held 2 external addresses (more than 1)."));
        assertTrue(firing.reason().render(Locale.JAPANESE).contains("別々のメール"));
        assertTrue(evaluate(Mail.message().to(customers(2)), "guard.force-bcc = yes", "guard.force-bcc.threshold = 1")
                .fired().get(0).reason().render(Locale.JAPANESE).contains("Bcc に移しました"));
    }
}
