package dev.hikyaku.smime.sources.smimea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.contacts.ContactCertificate;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.request.EmailAddress;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.dns.Fault;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SMIMEARecord;
import org.xbill.DNS.Type;

/** SMIMEA look-ups against the loopback DNS world, signed and unsigned, with a forged signature among them. */
class SmimeaLookupTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final FixtureCa OTHER_CA = FixtureCa.create(CLOCK);
    // DANE-EE needs no CA: the certificate is self-signed and DNSSEC alone vouches for it.
    private static final Issued ALICE = OTHER_CA.issue(OTHER_CA.smimeSpec("alice@secure.test").withSigner(Signer.SELF_SIGNED));
    private static final Issued CAROL = OTHER_CA.issue(OTHER_CA.smimeSpec("carol@secure.test").withFreshKey());
    private static final Issued DAVE = OTHER_CA.issue(OTHER_CA.smimeSpec("dave@plain.test").withFreshKey());
    private static final Issued ERIN = OTHER_CA.issue(OTHER_CA.smimeSpec("erin@forged.test").withFreshKey());
    private static final Issued FRANK = OTHER_CA.issue(OTHER_CA.smimeSpec("frank@secure.test").withFreshKey());

    private static DnsWorld world;

    @TempDir
    Path directory;

    private ContactCertificates contacts;
    private SmimeaLookup lookup;

    @BeforeAll
    static void startWorld() throws Exception {
        world = DnsWorld.start(CLOCK);
        world.signedZone("secure.test")
                .add(record("alice@secure.test", 3, 0, 0, ALICE.certificate().getEncoded()))
                .add(record("carol@secure.test", 1, 0, 0, CAROL.certificate().getEncoded()))
                .add(record("carol@secure.test", 3, 0, 1,
                        MessageDigest.getInstance("SHA-256").digest(CAROL.certificate().getEncoded())))
                // Frank's name carries Alice's certificate: DNS may not hand one person's certificate out as another's.
                .add(record("frank@secure.test", 3, 0, 0, ALICE.certificate().getEncoded()));
        world.zone("plain.test").add(record("dave@plain.test", 3, 0, 0, DAVE.certificate().getEncoded()));
        world.signedZone("forged.test")
                .add(record("erin@forged.test", 3, 0, 0, ERIN.certificate().getEncoded()))
                .fail(SmimeaName.of(EmailAddress.parse("erin@forged.test")).toString(), Type.SMIMEA,
                        Fault.CORRUPT_SIGNATURES);
    }

    @AfterAll
    static void stopWorld() throws Exception {
        world.close();
    }

    @BeforeEach
    void open() throws Exception {
        contacts = ContactCertificates.open(directory.resolve("contacts.db"), Set.of(), CLOCK);
        lookup = new SmimeaLookup(contacts, world.address(), world.trustAnchors(), CLOCK, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() throws Exception {
        contacts.close();
    }

    @Test
    void theOwnerNameIsTheTruncatedSha256OfTheLocalPart() {
        // RFC 7929 works the example of "hugh@example.com" with the same hashing; RFC 8162 only changes the label.
        assertEquals("c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._smimecert.example.com.",
                SmimeaName.of(EmailAddress.parse("hugh@example.com")).toString());
    }

    @Test
    void aDnssecValidatedDaneEeCertificateIsTrustedWithoutAnyCa() throws Exception {
        SourceReport report = lookup.lookup("alice@secure.test");

        assertEquals(List.of(), report.problems());
        assertEquals(1, report.added());
        ContactCertificate stored = contacts.all("alice@secure.test").get(0);
        assertTrue(stored.trusted(), "the store trusts no root here: DNSSEC vouched");
        assertEquals(List.of("smimea"), stored.sources());
        assertEquals(ALICE.certificate(), contacts.forEncryption("alice@secure.test").get(0).certificate());
    }

    @Test
    void pkixUsagesAndDigestsAreReportedNotOffered() throws Exception {
        SourceReport report = lookup.lookup("carol@secure.test");

        assertEquals(List.of("sources.smimea.digestOnly", "sources.smimea.needsChain"),
                report.problems().stream().map(Notice::key).sorted().toList());
        assertEquals(List.of(), contacts.addresses());
    }

    @Test
    void aCertificateForAnotherAddressIsRefused() throws Exception {
        assertEquals(List.of(Notice.of("sources.smimea.otherAddress", "frank@secure.test")),
                lookup.lookup("frank@secure.test").problems());
        assertEquals(List.of(), contacts.addresses());
    }

    @Test
    void anUnsignedZoneIsIgnoredAndAForgedSignatureRefused() throws Exception {
        assertEquals(List.of(Notice.of("sources.smimea.insecure", "plain.test")), lookup.lookup("dave@plain.test").problems());
        assertEquals(List.of(Notice.of("sources.smimea.bogus", "forged.test")), lookup.lookup("erin@forged.test").problems());
        assertEquals(List.of(), contacts.addresses());
    }

    @Test
    void nothingPublishedAndNoAddressAreSaidPlainly() throws Exception {
        assertEquals(List.of(Notice.of("sources.smimea.none", "nobody@secure.test")),
                lookup.lookup("nobody@secure.test").problems());
        assertEquals("email.noAt", lookup.lookup("not an address").problems().get(0).key());
    }

    private static SMIMEARecord record(String address, int usage, int selector, int matching, byte[] data) {
        Name owner = SmimeaName.of(EmailAddress.parse(address));
        return new SMIMEARecord(owner, DClass.IN, 300, usage, selector, matching, data);
    }
}
