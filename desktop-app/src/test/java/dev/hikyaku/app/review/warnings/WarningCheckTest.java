package dev.hikyaku.app.review.warnings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.mime.MailAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warnings over a real archive of earlier mail. */
class WarningCheckTest {
    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
    private static final String SENDER = "taro@office.test";

    @TempDir
    Path folder;
    private Archive archive;
    private WarningCheck check;
    private int recorded;

    @BeforeEach
    void archive() throws Exception {
        archive = Archive.open(folder.resolve("archive"), Clock.fixed(START, ZoneOffset.UTC));
        check = new WarningCheck(new ArchiveHistory(archive));
        record("m1", "見積もりの件", "<m1@office.test>", List.of("hanako@example.co.jp", "jiro@partner-a.jp"), "sent");
        record("m2", "定例会議", "<m2@office.test>", List.of("ken@example.co.jp"), "sent");
        record("m3", "cancelled", "<m3@office.test>", List.of("x@never.jp"), "cancelled");
        record("m4", "gmail 1", "<m4@office.test>", List.of("a@gmail.com"), "sent");
        record("m5", "gmail 2", "<m5@office.test>", List.of("b@gmail.com"), "sent");
    }

    @AfterEach
    void close() throws Exception {
        archive.close();
    }

    private void record(String id, String subject, String messageId, List<String> to, String status) throws Exception {
        Path file = folder.resolve(id + ".eml");
        Files.writeString(file, "From: " + SENDER + "\r\nTo: " + String.join(", ", to) + "\r\nSubject: "
                + encoded(subject) + "\r\nMessage-ID: " + messageId
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nbody\r\n", StandardCharsets.UTF_8);
        archive.recordSubmission(id, file, SENDER, to, START.plusSeconds(++recorded));
        for (String recipient : to) {
            archive.recordDelivery(id, recipient, status, "", START.plusSeconds(recorded));
        }
    }

    private static String encoded(String subject) {
        return "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static MessageFacts.Domain external(String domain) {
        return new MessageFacts.Domain(domain, false, Level.ENCRYPTED);
    }

    private List<Warning> check(List<MessageFacts.Domain> domains) throws Exception {
        return check.check(new MessageFacts("new", "subject", domains, List.of(), List.of()));
    }

    @Test
    void aDomainWrittenToBeforeRaisesNothing() throws Exception {
        assertEquals(List.of(), check(List.of(external("example.co.jp"), external("gmail.com"))));
    }

    @Test
    void aDomainNeverSentToIsNewEvenIfACancelledMessageWasAddressedThere() throws Exception {
        assertEquals(List.of(new Warning.NewDomain("never.jp"), new Warning.NewDomain("brand-new.jp")),
                check(List.of(external("never.jp"), external("brand-new.jp"))));
    }

    @Test
    void aNewDomainThatLooksLikeAFrequentOneIsALookalike() throws Exception {
        assertEquals(List.of(new Warning.Lookalike("examp1e.co.jp", "example.co.jp"),
                        new Warning.Lookalike("exmaple.co.jp", "example.co.jp"),
                        new Warning.Lookalike("gmai1.com", "gmail.com")),
                check(List.of(external("examp1e.co.jp"), external("exmaple.co.jp"), external("gmai1.com"))));
        // partner-a.jp was written to once: not frequent, so partner-b.jp is only new.
        assertEquals(List.of(new Warning.NewDomain("partner-b.jp")), check(List.of(external("partner-b.jp"))));
    }

    @Test
    void aDomainThatTakesNoMailIsFlaggedAndInternalDomainsAreNotJudgedFurther() throws Exception {
        assertEquals(List.of(new Warning.NoMail("typo.test")), check(List.of(
                new MessageFacts.Domain("typo.test", false, Level.NO_MAIL),
                new MessageFacts.Domain("office-new.test", true, Level.ENCRYPTED))));
    }

    @Test
    void theMessageItselfDoesNotCountAsEarlierMail() throws Exception {
        record("new", "self", "<new@office.test>", List.of("y@self-only.jp"), "sent");
        assertEquals(List.of(new Warning.NewDomain("self-only.jp")), check(List.of(external("self-only.jp"))));
    }

    @Test
    void aDisplayNameThatDoesNotFitIsReported() throws Exception {
        List<Warning> warnings = check.check(new MessageFacts("new", "s", List.of(external("gmail.com")),
                List.of(new MailAddress("yamada@gmail.com", "Yamada (Acme Corp)"),
                        new MailAddress("a@gmail.com", "A")), List.of()));
        assertEquals(List.of(new Warning.DisplayNameMisfit("yamada@gmail.com", "Yamada (Acme Corp)", "Acme Corp")),
                warnings);
    }

    @Test
    void aDomainAddedToAReplyThreadIsReported() throws Exception {
        List<Warning> warnings = check.check(new MessageFacts("new", "Re: 見積もりの件",
                List.of(external("example.co.jp"), external("partner-a.jp"), external("gmail.com")), List.of(),
                List.of("m1@office.test")));
        assertEquals(List.of(new Warning.NewDomainInThread("gmail.com")), warnings);
    }

    @Test
    void aThreadWhoseSubjectChangedIsStillFoundByItsId() throws Exception {
        List<Warning> warnings = check.check(new MessageFacts("new", "Re: something else",
                List.of(external("example.co.jp"), external("gmail.com")), List.of(), List.of("m2@office.test")));
        assertEquals(List.of(new Warning.NewDomainInThread("gmail.com")), warnings);
    }

    @Test
    void aReplyToAMessageNotInTheArchiveRaisesNoThreadWarning() throws Exception {
        assertEquals(List.of(), check.check(new MessageFacts("new", "Re: 見積もりの件",
                List.of(external("gmail.com")), List.of(), List.of("unknown@elsewhere.jp"))));
    }

    @Test
    void replyPrefixesAreTakenOffTheSubject() {
        assertEquals("見積もりの件", ArchiveHistory.baseSubject("Re: RE[2]: Fwd: 返信： 見積もりの件"));
        assertEquals("Reunion", ArchiveHistory.baseSubject("Reunion"));
    }
}
