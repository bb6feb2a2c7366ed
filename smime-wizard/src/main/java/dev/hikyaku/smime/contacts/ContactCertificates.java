package dev.hikyaku.smime.contacts;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.cms.Capabilities;
import dev.hikyaku.smime.cms.EncryptionCertificate;
import dev.hikyaku.smime.cms.Recipient;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.revocation.RevocationStatus;
import dev.hikyaku.smime.text.Notice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Contacts' certificates, from every source (signed mail, IMAP harvest, LDAP, SMIMEA, files), kept in SQLite: the
 * harvesters and the gateway offer and look up concurrently, lookups go by address, and a crash mid-offer must not
 * lose the store. Certificates are public, so nothing here is encrypted at rest.
 *
 * <p>Which certificates mail to an address is encrypted to ({@link #forEncryption}), in this order of rules:
 * <ol>
 *   <li>the certificate names the address (SAN rfc822Name or subject emailAddress, compared case-insensitively);</li>
 *   <li>it is usable: trusted (a chain to a trusted root was found, or its source vouches for it), meant for mail and
 *       for encrypting (keyEncipherment for RSA, keyAgreement for EC), within its validity window now, and not
 *       revoked: neither recorded as revoked nor said to be by its OCSP responder or CRL when the store asks (a
 *       revocation found is recorded); expired and revoked certificates are never used, while one whose revocation
 *       could not be checked is (offline is not revoked);</li>
 *   <li>of several certificates on the same public key (renewals), only the one valid longest is kept;</li>
 *   <li>the rest are all used, best first: the one most recently seen in the contact's own signed mail, then the one
 *       valid longest, then by fingerprint so that the order is stable.</li>
 * </ol>
 */
public final class ContactCertificates implements AutoCloseable {
    private static final int SCHEMA_VERSION = 1;

    private final Connection connection;
    private final Set<TrustAnchor> anchors;
    private final Clock clock;
    private final RevocationChecker revocation;

    private ContactCertificates(Connection connection, Set<TrustAnchor> anchors, Clock clock, RevocationChecker revocation) {
        this.connection = connection;
        this.anchors = Set.copyOf(anchors);
        this.clock = clock;
        this.revocation = revocation;
    }

    /**
     * Opens (creating when absent) the database at the file, asking nobody about revocation (only revocations
     * recorded with {@link #markRevoked} keep a certificate out).
     *
     * @param anchors the roots the user trusts, against which offered chains are judged
     */
    public static ContactCertificates open(Path file, Set<TrustAnchor> anchors, Clock clock) throws ContactStoreException {
        return open(file, anchors, clock, RevocationChecker.offline());
    }

    /**
     * Opens (creating when absent) the database at the file.
     *
     * @param anchors    the roots the user trusts, against which offered chains are judged
     * @param revocation asked about every certificate before mail is encrypted to it
     */
    public static ContactCertificates open(Path file, Set<TrustAnchor> anchors, Clock clock, RevocationChecker revocation)
            throws ContactStoreException {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                migrate(connection, file);
                return new ContactCertificates(connection, anchors, clock, revocation);
            } catch (SQLException | ContactStoreException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new ContactStoreException(Notice.of("contacts.unavailable", file), e);
        }
    }

    /**
     * Offers a certificate found somewhere: the one entry point for every source.
     *
     * @param chain  the certificate first, then any certificates that came with it
     * @param source where it was found
     * @param seenAt when it was seen there (the signing time of a mail, the time of a directory look-up)
     */
    public synchronized OfferOutcome offer(X509Certificate[] chain, Source source, Instant seenAt)
            throws ContactStoreException {
        if (chain == null || chain.length == 0 || chain[0] == null) {
            return OfferOutcome.rejected(Optional.empty(), "contact.notMail");
        }
        MailCertificate leaf = new MailCertificate(chain[0]);
        String fingerprint = leaf.fingerprint();
        if (leaf.isCa() || !leaf.allowsEmail() || !(leaf.canEncrypt() || leaf.canSign())) {
            return OfferOutcome.rejected(Optional.of(fingerprint), "contact.notMail");
        }
        List<String> addresses = leaf.addresses();
        if (addresses.isEmpty()) {
            return OfferOutcome.rejected(Optional.of(fingerprint), "contact.noAddress");
        }
        List<X509Certificate> all = Arrays.stream(chain).filter(certificate -> certificate != null).toList();
        boolean trusted = source.vouches() || chainsToAnchor(all, seenAt);
        try {
            connection.setAutoCommit(false);
            try {
                boolean known = exists(fingerprint);
                if (known) {
                    update(fingerprint, all, trusted, source, seenAt);
                } else {
                    insert(leaf, all, trusted, source, seenAt, addresses);
                }
                sighting(fingerprint, source, seenAt);
                connection.commit();
                return new OfferOutcome(known ? OfferOutcome.Result.SEEN_AGAIN : OfferOutcome.Result.ADDED,
                        Optional.of(fingerprint), Optional.empty());
            } catch (SQLException | CertificateException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | CertificateException e) {
            throw new ContactStoreException(Notice.of("contacts.writeFailed"), e);
        }
    }

    /**
     * The certificates to encrypt to for the address, chosen by the rules in the class comment. Revocation sources are
     * asked outside the store's lock, so a slow responder holds up only this look-up.
     */
    public List<EncryptionCertificate> forEncryption(String address) throws ContactStoreException {
        Instant now = clock.instant();
        Map<String, ContactCertificate> perKey = new LinkedHashMap<>();
        for (ContactCertificate candidate : all(address)) {
            if (!candidate.usableAt(now) || revokedNow(candidate, now)) {
                continue;
            }
            String key = HexFormat.of().formatHex(candidate.certificate().getPublicKey().getEncoded());
            perKey.merge(key, candidate, (one, other) -> one.mail().notAfter().isAfter(other.mail().notAfter()) ? one : other);
        }
        return perKey.values().stream()
                .sorted(Comparator.comparing((ContactCertificate c) -> c.lastSignedMail().orElse(Instant.MIN)).reversed()
                        .thenComparing(Comparator.comparing((ContactCertificate c) -> c.mail().notAfter()).reversed())
                        .thenComparing(c -> c.mail().fingerprint()))
                .map(chosen -> new EncryptionCertificate(chosen.certificate(), chosen.capabilities()))
                .toList();
    }

    /** The address with the certificates to encrypt to, ready for the encryptor (an empty list when there are none). */
    public Recipient recipient(String address) throws ContactStoreException {
        return new Recipient(address, forEncryption(address));
    }

    /** Everything known for the address, expired and revoked included (for display), newest first. */
    public synchronized List<ContactCertificate> all(String address) throws ContactStoreException {
        String sql = "SELECT c.* FROM certificate c JOIN address a ON a.fingerprint = c.fingerprint"
                + " WHERE a.address = ? ORDER BY c.not_before DESC, c.fingerprint";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, address.strip().toLowerCase(Locale.ROOT));
            List<ContactCertificate> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(read(row));
                }
            }
            return found;
        } catch (SQLException | CertificateException e) {
            throw new ContactStoreException(Notice.of("contacts.unreadable"), e);
        }
    }

    /** Every address the store holds a certificate for, sorted. */
    public synchronized List<String> addresses() throws ContactStoreException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT DISTINCT address FROM address ORDER BY address")) {
            List<String> addresses = new ArrayList<>();
            while (row.next()) {
                addresses.add(row.getString(1));
            }
            return addresses;
        } catch (SQLException e) {
            throw new ContactStoreException(Notice.of("contacts.unreadable"), e);
        }
    }

    private boolean revokedNow(ContactCertificate candidate, Instant now) throws ContactStoreException {
        Optional<X509Certificate> issuer = issuerOf(candidate);
        if (issuer.isEmpty()) {
            return false;
        }
        if (revocation.check(candidate.certificate(), issuer.get(), now) instanceof RevocationStatus.Revoked revoked) {
            markRevoked(candidate.mail().fingerprint(), revoked.revokedAt());
            return true;
        }
        return false;
    }

    // The certificate that signed it, among those offered with it and the trusted roots.
    private Optional<X509Certificate> issuerOf(ContactCertificate candidate) {
        X509Certificate certificate = candidate.certificate();
        List<X509Certificate> pool = new ArrayList<>(candidate.chain());
        anchors.forEach(anchor -> pool.add(anchor.getTrustedCert()));
        for (X509Certificate above : pool) {
            if (above != null && above.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(above.getPublicKey());
                    return Optional.of(above);
                } catch (GeneralSecurityException e) {
                    // Same name, other key: not the issuer.
                }
            }
        }
        return Optional.empty();
    }

    /** Records that the certificate was found revoked; it is never encrypted to again. */
    public synchronized void markRevoked(String fingerprint, Instant revokedAt) throws ContactStoreException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE certificate SET revoked_at = ? WHERE fingerprint = ?")) {
            statement.setLong(1, revokedAt.toEpochMilli());
            statement.setString(2, fingerprint);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new ContactStoreException(Notice.of("contacts.writeFailed"), e);
        }
    }

    @Override
    public synchronized void close() throws ContactStoreException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ContactStoreException(Notice.of("contacts.writeFailed"), e);
        }
    }

    private boolean exists(String fingerprint) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM certificate WHERE fingerprint = ?")) {
            statement.setString(1, fingerprint);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private void insert(MailCertificate leaf, List<X509Certificate> chain, boolean trusted, Source source, Instant seenAt,
            List<String> addresses) throws SQLException, CertificateException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO certificate (fingerprint, der, chain,"
                + " not_before, not_after, trusted, capabilities, capabilities_at, first_seen, last_seen, last_signed_mail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, leaf.fingerprint());
            statement.setBytes(2, leaf.certificate().getEncoded());
            statement.setBytes(3, encode(chain.subList(1, chain.size())));
            statement.setLong(4, leaf.notBefore().toEpochMilli());
            statement.setLong(5, leaf.notAfter().toEpochMilli());
            statement.setInt(6, trusted ? 1 : 0);
            if (source instanceof Source.SignedMail signed) {
                statement.setBytes(7, signed.advertised().encoded());
                statement.setLong(8, seenAt.toEpochMilli());
                statement.setLong(11, seenAt.toEpochMilli());
            } else {
                statement.setNull(7, Types.BLOB);
                statement.setNull(8, Types.INTEGER);
                statement.setNull(11, Types.INTEGER);
            }
            statement.setLong(9, seenAt.toEpochMilli());
            statement.setLong(10, seenAt.toEpochMilli());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT OR IGNORE INTO address (address, fingerprint) VALUES (?, ?)")) {
            for (String address : addresses) {
                statement.setString(1, address.toLowerCase(Locale.ROOT));
                statement.setString(2, leaf.fingerprint());
                statement.executeUpdate();
            }
        }
    }

    private void update(String fingerprint, List<X509Certificate> chain, boolean trusted, Source source, Instant seenAt)
            throws SQLException, CertificateException {
        long seen = seenAt.toEpochMilli();
        // A longer chain or a trusted judgement is kept; a later offer never makes a certificate less trusted.
        try (PreparedStatement statement = connection.prepareStatement("UPDATE certificate SET"
                + " trusted = MAX(trusted, ?), first_seen = MIN(first_seen, ?), last_seen = MAX(last_seen, ?),"
                + " chain = CASE WHEN length(?) > length(chain) THEN ? ELSE chain END WHERE fingerprint = ?")) {
            byte[] above = encode(chain.subList(1, chain.size()));
            statement.setInt(1, trusted ? 1 : 0);
            statement.setLong(2, seen);
            statement.setLong(3, seen);
            statement.setBytes(4, above);
            statement.setBytes(5, above);
            statement.setString(6, fingerprint);
            statement.executeUpdate();
        }
        if (source instanceof Source.SignedMail signed) {
            // Capabilities follow the newest signature: clients gain (or lose) algorithms with updates.
            try (PreparedStatement statement = connection.prepareStatement("UPDATE certificate SET"
                    + " capabilities = CASE WHEN capabilities_at IS NULL OR capabilities_at <= ? THEN ? ELSE capabilities END,"
                    + " capabilities_at = MAX(COALESCE(capabilities_at, 0), ?),"
                    + " last_signed_mail = MAX(COALESCE(last_signed_mail, 0), ?) WHERE fingerprint = ?")) {
                statement.setLong(1, seen);
                statement.setBytes(2, signed.advertised().encoded());
                statement.setLong(3, seen);
                statement.setLong(4, seen);
                statement.setString(5, fingerprint);
                statement.executeUpdate();
            }
        }
    }

    private void sighting(String fingerprint, Source source, Instant seenAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sighting"
                + " (fingerprint, kind, detail, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (fingerprint, kind, detail) DO UPDATE SET"
                + " first_seen = MIN(first_seen, excluded.first_seen), last_seen = MAX(last_seen, excluded.last_seen)")) {
            statement.setString(1, fingerprint);
            statement.setString(2, source.kind());
            statement.setString(3, source.detail());
            statement.setLong(4, seenAt.toEpochMilli());
            statement.setLong(5, seenAt.toEpochMilli());
            statement.executeUpdate();
        }
    }

    private ContactCertificate read(ResultSet row) throws SQLException, CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(row.getBytes("der")));
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate above : factory.generateCertificates(new ByteArrayInputStream(row.getBytes("chain")))) {
            chain.add((X509Certificate) above);
        }
        byte[] capabilities = row.getBytes("capabilities");
        long signedMail = row.getLong("last_signed_mail");
        Optional<Instant> lastSignedMail = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(signedMail));
        long revoked = row.getLong("revoked_at");
        Optional<Instant> revokedAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
        return new ContactCertificate(certificate, chain, row.getInt("trusted") == 1,
                capabilities == null ? Capabilities.NONE : Capabilities.decode(capabilities),
                Instant.ofEpochMilli(row.getLong("first_seen")), Instant.ofEpochMilli(row.getLong("last_seen")),
                lastSignedMail, revokedAt, sources(row.getString("fingerprint")));
    }

    private List<String> sources(String fingerprint) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT kind FROM sighting WHERE fingerprint = ? ORDER BY kind")) {
            statement.setString(1, fingerprint);
            List<String> kinds = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    kinds.add(row.getString(1));
                }
            }
            return kinds;
        }
    }

    // The chain is judged at a moment the leaf was valid, so that an old signed mail still proves whose it is;
    // whether it is valid now is checked at every use.
    private boolean chainsToAnchor(List<X509Certificate> chain, Instant seenAt) {
        if (anchors.isEmpty()) {
            return false;
        }
        MailCertificate leaf = new MailCertificate(chain.get(0));
        Instant at = seenAt.isBefore(leaf.notBefore()) ? leaf.notBefore()
                : seenAt.isAfter(leaf.notAfter()) ? leaf.notAfter() : seenAt;
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] encode(List<X509Certificate> certificates) throws CertificateException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (X509Certificate certificate : certificates) {
            out.writeBytes(certificate.getEncoded());
        }
        return out.toByteArray();
    }

    private static void migrate(Connection connection, Path file) throws SQLException, ContactStoreException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA busy_timeout=5000");
            int version;
            try (ResultSet row = statement.executeQuery("PRAGMA user_version")) {
                version = row.next() ? row.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new ContactStoreException(Notice.of("contacts.newer", file), null);
            }
            if (version == SCHEMA_VERSION) {
                return;
            }
            // One transaction, so that a crash never leaves half a schema behind a version of 0.
            connection.setAutoCommit(false);
            statement.execute("CREATE TABLE certificate (fingerprint TEXT PRIMARY KEY, der BLOB NOT NULL,"
                    + " chain BLOB NOT NULL, not_before INTEGER NOT NULL, not_after INTEGER NOT NULL,"
                    + " trusted INTEGER NOT NULL, capabilities BLOB, capabilities_at INTEGER,"
                    + " first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, last_signed_mail INTEGER,"
                    + " revoked_at INTEGER)");
            statement.execute("CREATE TABLE address (address TEXT NOT NULL,"
                    + " fingerprint TEXT NOT NULL REFERENCES certificate (fingerprint), PRIMARY KEY (address, fingerprint))");
            statement.execute("CREATE TABLE sighting (fingerprint TEXT NOT NULL REFERENCES certificate (fingerprint),"
                    + " kind TEXT NOT NULL, detail TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,"
                    + " PRIMARY KEY (fingerprint, kind, detail))");
            statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            connection.commit();
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
