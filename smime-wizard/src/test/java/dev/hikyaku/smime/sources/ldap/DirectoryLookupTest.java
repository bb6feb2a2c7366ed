package dev.hikyaku.smime.sources.ldap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.OperationType;
import dev.hikyaku.smime.contacts.ContactCertificate;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory look-ups against UnboundID's in-memory LDAP server on loopback, anonymous and over StartTLS. */
class DirectoryLookupTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String BASE = "dc=example,dc=test";
    private static final String READER = "cn=reader," + BASE;

    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final Issued alice = ca.issue(ca.smimeSpec("alice@example.test").withSigner(Signer.INTERMEDIATE));
    private final Issued aliceRenewed = ca.issue(ca.smimeSpec("alice@example.test").withFreshKey()
            .withSigner(Signer.INTERMEDIATE));

    @TempDir
    Path directory;

    private InMemoryDirectoryServer server;
    private ContactCertificates contacts;
    private DirectoryLookup lookup;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0,
                ca.server("127.0.0.1").serverContext().getSocketFactory()));
        config.addAdditionalBindCredentials(READER, "reader secret");
        server = new InMemoryDirectoryServer(config);
        server.startListening();
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        CMSSignedDataGenerator p7 = new CMSSignedDataGenerator();
        p7.addCertificates(new JcaCertStore(List.of(aliceRenewed.certificate(), ca.intermediate())));
        server.add(new Entry("cn=Alice," + BASE,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("cn", "Alice"), new Attribute("sn", "Example"), new Attribute("mail", "alice@example.test"),
                new Attribute("userCertificate;binary", alice.certificate().getEncoded()),
                new Attribute("userSMIMECertificate", p7.generate(new CMSAbsentContent()).getEncoded())));
        server.add(new Entry("cn=Bob," + BASE,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("cn", "Bob"), new Attribute("sn", "Example"), new Attribute("mail", "bob@example.test")));
        server.add(new Entry("cn=Carol," + BASE,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("cn", "Carol"), new Attribute("sn", "Example"), new Attribute("mail", "carol@example.test"),
                new Attribute("userCertificate;binary", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})));
        contacts = ContactCertificates.open(directory.resolve("contacts.db"), Set.of(new TrustAnchor(ca.root(), null)), CLOCK);
        lookup = new DirectoryLookup(contacts, ca.clientContext().getSocketFactory(), CLOCK, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        contacts.close();
        server.shutDown(true);
    }

    @Test
    void bothCertificateAttributesAreReadAndChainToTheTrustedRoot() throws Exception {
        SourceReport report = lookup.lookup(anonymous(LdapSecurity.PLAIN_ANONYMOUS), "alice@example.test", noPassword());

        assertEquals(List.of(), report.problems());
        assertEquals(2, report.added());
        List<ContactCertificate> stored = contacts.all("alice@example.test");
        assertTrue(stored.stream().allMatch(ContactCertificate::trusted), "the PKCS#7's intermediate completes both chains");
        assertEquals(List.of("ldap"), stored.get(0).sources());
    }

    @Test
    void aBindOverStartTlsReadsADirectoryThatRequiresIt() throws Exception {
        restartRequiringBind();
        char[][] handed = new char[1][];
        DirectoryServer protectedServer = new DirectoryServer("127.0.0.1", server.getListenPort(), LdapSecurity.STARTTLS,
                BASE, Optional.of(READER));

        SourceReport report = lookup.lookup(protectedServer, "alice@example.test", ignored -> {
            handed[0] = "reader secret".toCharArray();
            return handed[0];
        });

        assertEquals(List.of(), report.problems());
        assertEquals(2, report.added());
        assertArrayEquals(new char[13], handed[0]);
        assertEquals("sources.ldap.failed", lookup.lookup(anonymous(LdapSecurity.STARTTLS), "alice@example.test",
                noPassword()).problems().get(0).key(), "the server really refuses an anonymous search");
    }

    @Test
    void aWrongPasswordAnUntrustedServerAndAPasswordInPlainTextAreRefused() throws Exception {
        DirectoryServer withBind = new DirectoryServer("127.0.0.1", server.getListenPort(), LdapSecurity.STARTTLS, BASE,
                Optional.of(READER));
        assertEquals("sources.ldap.loginFailed",
                lookup.lookup(withBind, "alice@example.test", ignored -> "wrong".toCharArray()).problems().get(0).key());

        DirectoryLookup strangerTrusting = new DirectoryLookup(contacts,
                FixtureCa.create(CLOCK).clientContext().getSocketFactory(), CLOCK, Duration.ofSeconds(10));
        assertEquals("sources.ldap.unreachable", strangerTrusting.lookup(anonymous(LdapSecurity.STARTTLS),
                "alice@example.test", noPassword()).problems().get(0).key());

        DirectoryServer plainWithBind = new DirectoryServer("127.0.0.1", server.getListenPort(),
                LdapSecurity.PLAIN_ANONYMOUS, BASE, Optional.of(READER));
        assertEquals("sources.ldap.passwordInPlain", lookup.lookup(plainWithBind, "alice@example.test",
                ignored -> { throw new AssertionError("the password must not even be asked for"); }).problems().get(0).key());
        assertEquals(List.of(), contacts.addresses());
    }

    @Test
    void missingEntriesCertificatesAndServersAreEachSaidPlainly() throws Exception {
        DirectoryServer plain = anonymous(LdapSecurity.PLAIN_ANONYMOUS);
        assertEquals(List.of(Notice.of("sources.ldap.none", "nobody@example.test", "127.0.0.1")),
                lookup.lookup(plain, "nobody@example.test", noPassword()).problems());
        assertEquals(List.of(Notice.of("sources.ldap.noCertificate", "cn=Bob," + BASE)),
                lookup.lookup(plain, "bob@example.test", noPassword()).problems());
        assertEquals(List.of(Notice.of("sources.ldap.badCertificate", "cn=Carol," + BASE)),
                lookup.lookup(plain, "carol@example.test", noPassword()).problems());
        assertEquals("email.badLocal", lookup.lookup(plain, "*)(mail=*@example.test", noPassword()).problems().get(0).key());
        DirectoryServer wrongBase = new DirectoryServer("127.0.0.1", server.getListenPort(), LdapSecurity.PLAIN_ANONYMOUS,
                "dc=elsewhere,dc=test", Optional.empty());
        assertEquals("sources.ldap.noBase", lookup.lookup(wrongBase, "alice@example.test", noPassword()).problems().get(0).key());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        DirectoryServer gone = new DirectoryServer("127.0.0.1", closedPort, LdapSecurity.PLAIN_ANONYMOUS, BASE, Optional.empty());
        assertEquals("sources.ldap.unreachable", lookup.lookup(gone, "alice@example.test", noPassword()).problems().get(0).key());
    }

    private void restartRequiringBind() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0,
                ca.server("127.0.0.1").serverContext().getSocketFactory()));
        config.addAdditionalBindCredentials(READER, "reader secret");
        config.setAuthenticationRequiredOperationTypes(EnumSet.of(OperationType.SEARCH));
        InMemoryDirectoryServer strict = new InMemoryDirectoryServer(config);
        strict.importFromLDIF(true, exportLdif().toFile());
        server.shutDown(true);
        server = strict;
        server.startListening();
    }

    private Path exportLdif() throws Exception {
        Path ldif = directory.resolve("entries.ldif");
        server.exportToLDIF(ldif.toString(), false, true);
        return ldif;
    }

    private DirectoryServer anonymous(LdapSecurity security) {
        return new DirectoryServer("127.0.0.1", server.getListenPort(), security, BASE, Optional.empty());
    }

    private static DirectoryPassword noPassword() {
        return ignored -> new char[0];
    }
}
