package dev.hikyaku.smime.sources.ldap;

import dev.hikyaku.smime.certificate.CertificateBundle;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.contacts.OfferOutcome;
import dev.hikyaku.smime.contacts.Source;
import dev.hikyaku.smime.request.EmailAddress;
import dev.hikyaku.smime.request.RequestRejectedException;
import dev.hikyaku.smime.sources.SourceReport;
import dev.hikyaku.smime.text.Notice;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;
import javax.net.ssl.SSLSocketFactory;

/**
 * Looks contacts' certificates up in an LDAP directory by mail address ({@code userCertificate;binary} and
 * {@code userSMIMECertificate}) and offers them to the contact store, which trusts them only when they chain to a
 * trusted root.
 *
 * <p>The client is the JDK's own LDAP provider (JNDI): it is in every Java, so the desktop installer carries no
 * extra library for a feature most users never switch on; its StartTLS takes the injected TLS socket factory, so
 * tests and company roots need no JVM-wide setting; and the search filter's arguments are escaped by JNDI itself.
 * Referrals are never followed, so a directory cannot send the look-up to another host.
 */
public final class DirectoryLookup {
    /** At most this many entries are read for one address. */
    public static final int MAX_ENTRIES = 20;
    /** Attribute values larger than this are ignored: a certificate with its chain is a few KiB. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;
    private static final String[] ATTRIBUTES = {
        "userCertificate;binary", "userCertificate", "userSMIMECertificate;binary", "userSMIMECertificate"
    };

    private final ContactCertificates contacts;
    private final SSLSocketFactory tls;
    private final Clock clock;
    private final Duration timeout;

    /**
     * A look-up.
     *
     * @param tls     the TLS client for StartTLS (trusting the system's roots or the company's)
     * @param timeout how long connecting and each answer may take
     */
    public DirectoryLookup(ContactCertificates contacts, SSLSocketFactory tls, Clock clock, Duration timeout) {
        this.contacts = contacts;
        this.tls = tls;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Searches the directory for entries whose {@code mail} is the address and offers their certificates.
     *
     * @param password the bind DN's password; not asked for an anonymous server
     */
    public SourceReport lookup(DirectoryServer server, String address, DirectoryPassword password)
            throws ContactStoreException {
        EmailAddress mailbox;
        try {
            mailbox = EmailAddress.parse(address);
        } catch (RequestRejectedException e) {
            return SourceReport.failed(address, Notice.of(e.messageKey(), address));
        }
        if (server.bindDn().isPresent() && server.security() == LdapSecurity.PLAIN_ANONYMOUS) {
            return SourceReport.failed(address, Notice.of("sources.ldap.passwordInPlain", server.host()));
        }
        List<List<X509Certificate>> entries = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        try {
            search(server, mailbox, password, entries, problems);
        } catch (AuthenticationException e) {
            return SourceReport.failed(address, Notice.of("sources.ldap.loginFailed", server.bindDn().orElse(""), server.host()));
        } catch (NameNotFoundException e) {
            return SourceReport.failed(address, Notice.of("sources.ldap.noBase", server.baseDn(), server.host()));
        } catch (CommunicationException | IOException e) {
            return SourceReport.failed(address, Notice.of("sources.ldap.unreachable", server.host(), server.port()));
        } catch (NamingException | RuntimeException e) {
            // JNDI turns a hostile or broken server's answer into assorted exceptions; none of it is worth a crash.
            return SourceReport.failed(address, Notice.of("sources.ldap.failed", server.host()));
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            return SourceReport.failed(address, Notice.of("sources.ldap.none", address, server.host()));
        }
        List<OfferOutcome> offered = new ArrayList<>();
        Source source = new Source.Directory(server.url());
        for (List<X509Certificate> certificates : entries) {
            List<X509Certificate> authorities = certificates.stream().filter(CertificateBundle::isAuthority).toList();
            for (X509Certificate leaf : certificates) {
                if (CertificateBundle.isAuthority(leaf)) {
                    continue;
                }
                List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
                chain.addAll(authorities);
                OfferOutcome outcome = contacts.offer(chain.toArray(X509Certificate[]::new), source, clock.instant());
                offered.add(outcome);
                outcome.reason().ifPresent(problems::add);
            }
        }
        return new SourceReport(address, offered, problems);
    }

    private void search(DirectoryServer server, EmailAddress mailbox, DirectoryPassword password,
            List<List<X509Certificate>> entries, List<Notice> problems) throws NamingException, IOException {
        LdapContext context = new InitialLdapContext(environment(server), null);
        StartTlsResponse tlsSession = null;
        try {
            if (server.security() == LdapSecurity.STARTTLS) {
                tlsSession = (StartTlsResponse) context.extendedOperation(new StartTlsRequest());
                tlsSession.negotiate(tls);
            }
            char[] secret = server.bindDn().isPresent() ? password.password(server) : new char[0];
            try {
                if (server.bindDn().isPresent()) {
                    // JNDI binds with these on the next operation, over the connection TLS now protects.
                    context.addToEnvironment(Context.SECURITY_AUTHENTICATION, "simple");
                    context.addToEnvironment(Context.SECURITY_PRINCIPAL, server.bindDn().get());
                    context.addToEnvironment(Context.SECURITY_CREDENTIALS, secret);
                }
                searchEntries(context, server, mailbox, entries, problems);
            } finally {
                context.removeFromEnvironment(Context.SECURITY_CREDENTIALS);
                Arrays.fill(secret, '\0');
            }
        } finally {
            if (tlsSession != null) {
                tlsSession.close();
            }
            context.close();
        }
    }

    private void searchEntries(LdapContext context, DirectoryServer server, EmailAddress mailbox,
            List<List<X509Certificate>> entries, List<Notice> problems) throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setCountLimit(MAX_ENTRIES);
        controls.setTimeLimit((int) timeout.toMillis());
        controls.setReturningAttributes(ATTRIBUTES);
        NamingEnumeration<SearchResult> results =
                context.search(server.baseDn(), "(mail={0})", new Object[] {mailbox.toString()}, controls);
        try {
            while (results.hasMore()) {
                read(results.next(), entries, problems);
            }
        } catch (SizeLimitExceededException e) {
            // More entries than anyone has: the first ones are used.
        } finally {
            results.close();
        }
    }

    private static void read(SearchResult entry, List<List<X509Certificate>> entries, List<Notice> problems)
            throws NamingException {
        List<X509Certificate> certificates = new ArrayList<>();
        boolean damaged = false;
        for (String name : ATTRIBUTES) {
            Attribute attribute = entry.getAttributes().get(name);
            if (attribute == null) {
                continue;
            }
            for (int i = 0; i < attribute.size(); i++) {
                if (!(attribute.get(i) instanceof byte[] value) || value.length > MAX_VALUE_BYTES) {
                    damaged = true;
                    continue;
                }
                CertificateBundle bundle = CertificateBundle.read(value);
                if (bundle.kind() != CertificateBundle.Kind.CERTIFICATES) {
                    damaged = true;
                    continue;
                }
                bundle.certificates().stream().filter(c -> !certificates.contains(c)).forEach(certificates::add);
            }
        }
        if (damaged) {
            problems.add(Notice.of("sources.ldap.badCertificate", entry.getNameInNamespace()));
        }
        if (!certificates.isEmpty()) {
            entries.add(certificates);
        } else if (!damaged) {
            problems.add(Notice.of("sources.ldap.noCertificate", entry.getNameInNamespace()));
        }
    }

    private Hashtable<String, Object> environment(DirectoryServer server) {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, server.url());
        environment.put(Context.SECURITY_AUTHENTICATION, "none");
        environment.put(Context.REFERRAL, "ignore");
        environment.put("java.naming.ldap.attributes.binary", "userCertificate userSMIMECertificate");
        environment.put("java.naming.ldap.version", "3");
        environment.put("com.sun.jndi.ldap.connect.timeout", Long.toString(timeout.toMillis()));
        environment.put("com.sun.jndi.ldap.read.timeout", Long.toString(timeout.toMillis()));
        return environment;
    }
}
