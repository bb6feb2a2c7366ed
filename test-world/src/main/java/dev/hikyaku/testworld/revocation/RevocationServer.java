package dev.hikyaku.testworld.revocation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hikyaku.testworld.ca.Issued;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder (RFC 6960, POST and GET) and a CRL distribution point (RFC 5280) on 127.0.0.1 that speak for one
 * fixture authority: every certificate it issued is good unless {@link #revoke revoked} or made {@link #unknown}.
 * Answers are dated by the injected clock; the behaviour switches plant the faults a checker must survive.
 */
public final class RevocationServer implements AutoCloseable {
    /** The path of the OCSP responder. */
    public static final String OCSP_PATH = "/ocsp";
    /** The path of the one CRL. */
    public static final String CRL_PATH = "/crl/fixture.crl";
    private static final Duration VALIDITY = Duration.ofDays(1);
    private static final Duration STALE_BY = Duration.ofDays(3);
    private static final int MAX_REQUEST = 64 * 1024;
    private static final int OVERSIZED = 1024 * 1024;
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final HttpServer server;
    private final ExecutorService workers;
    private final Issued authority;
    private final Clock clock;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<BigInteger, Boolean> unknown = new ConcurrentHashMap<>();
    private final List<byte[]> ocspRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger crlRequests = new AtomicInteger();
    private final AtomicInteger crlNumber = new AtomicInteger();
    private volatile OcspBehaviour ocspBehaviour = OcspBehaviour.ANSWER;
    private volatile CrlBehaviour crlBehaviour = CrlBehaviour.ANSWER;
    private volatile Optional<Issued> delegate = Optional.empty();

    private RevocationServer(HttpServer server, ExecutorService workers, Issued authority, Clock clock) {
        this.server = server;
        this.workers = workers;
        this.authority = authority;
        this.clock = clock;
    }

    /**
     * Starts the responder and distribution point on an ephemeral port of 127.0.0.1.
     *
     * @param authority the issuing authority's key and certificate ({@code FixtureCa.authority})
     * @param clock     what "now" is in the answers
     */
    public static RevocationServer start(Issued authority, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "revocation-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        RevocationServer fixture = new RevocationServer(server, workers, authority, clock);
        server.createContext(OCSP_PATH, fixture::ocsp);
        server.createContext(CRL_PATH, fixture::crl);
        server.start();
        return fixture;
    }

    /** The responder's URL, as a certificate's authority information access names it. */
    public URI ocspUri() {
        return base().resolve(OCSP_PATH);
    }

    /** The CRL's URL, as a certificate's CRL distribution point names it. */
    public URI crlUri() {
        return base().resolve(CRL_PATH);
    }

    /** Revokes the certificate as of the instant (reason keyCompromise), in OCSP answers and the CRL alike. */
    public RevocationServer revoke(X509Certificate certificate, Instant at) {
        revoked.put(certificate.getSerialNumber(), at);
        return this;
    }

    /** Makes the responder say "unknown" for the certificate (the CRL does not list it). */
    public RevocationServer unknown(X509Certificate certificate) {
        unknown.put(certificate.getSerialNumber(), Boolean.TRUE);
        return this;
    }

    /** How OCSP requests are answered from now on. */
    public RevocationServer ocsp(OcspBehaviour behaviour) {
        ocspBehaviour = behaviour;
        return this;
    }

    /** How CRL requests are answered from now on. */
    public RevocationServer crl(CrlBehaviour behaviour) {
        crlBehaviour = behaviour;
        return this;
    }

    /** Signs OCSP answers with a delegated responder's key ({@code FixtureCa.ocspResponder}) and includes its certificate. */
    public RevocationServer delegateTo(Issued responder) {
        delegate = Optional.of(responder);
        return this;
    }

    /** The DER of every OCSP request received, oldest first. */
    public List<byte[]> ocspRequests() {
        return List.copyOf(ocspRequests);
    }

    /** How many times the CRL was asked for. */
    public int crlRequests() {
        return crlRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI base() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://127.0.0.1:" + address.getPort() + "/");
    }

    private void ocsp(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            if ("POST".equals(exchange.getRequestMethod())) {
                try (InputStream in = exchange.getRequestBody()) {
                    request = in.readNBytes(MAX_REQUEST);
                }
            } else {
                String encoded = exchange.getRequestURI().getRawPath().substring(OCSP_PATH.length());
                request = Base64.getDecoder().decode(URLDecoder.decode(
                        encoded.startsWith("/") ? encoded.substring(1) : encoded, StandardCharsets.US_ASCII));
            }
            ocspRequests.add(request);
            OcspBehaviour behaviour = ocspBehaviour;
            switch (behaviour) {
                case NOT_FOUND -> exchange.sendResponseHeaders(404, -1);
                case GARBAGE -> send(exchange, "application/ocsp-response", "no OCSP here".getBytes(StandardCharsets.US_ASCII));
                case TRY_LATER -> send(exchange, "application/ocsp-response",
                        new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded());
                default -> send(exchange, "application/ocsp-response", answer(new OCSPReq(request), behaviour));
            }
        } catch (OCSPException | IllegalArgumentException e) {
            throw new IOException("cannot answer the OCSP request", e);
        }
    }

    private byte[] answer(OCSPReq request, OcspBehaviour behaviour) throws IOException, OCSPException {
        try {
            Instant now = clock.instant();
            Instant thisUpdate = behaviour == OcspBehaviour.STALE ? now.minus(STALE_BY).minus(VALIDITY) : now;
            Issued signer = delegate.orElse(authority);
            X509CertificateHolder signerHolder = new X509CertificateHolder(signer.certificate().getEncoded());
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            RespID responderId = delegate.isPresent()
                    ? new RespID(signerHolder.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1))
                    : new RespID(signerHolder.getSubject());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responderId);
            X509CertificateHolder issuer = new X509CertificateHolder(authority.certificate().getEncoded());
            for (Req single : request.getRequestList()) {
                CertificateID id = single.getCertID();
                builder.addResponse(id, status(id, issuer, digests), Date.from(thisUpdate),
                        Date.from(thisUpdate.plus(VALIDITY)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (behaviour == OcspBehaviour.WRONG_NONCE) {
                byte[] other = new byte[16];
                new SecureRandom().nextBytes(other);
                builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(new DEROctetString(other).getEncoded()))));
            } else if (nonce != null && behaviour != OcspBehaviour.NO_NONCE) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            PrivateKey key = behaviour == OcspBehaviour.BAD_SIGNATURE ? strangerKey() : signer.key();
            X509CertificateHolder[] chain = delegate.isPresent() ? new X509CertificateHolder[] {signerHolder} : null;
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(contentSigner(key), chain, Date.from(now))).getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("cannot sign the OCSP answer", e);
        }
    }

    private CertificateStatus status(CertificateID id, X509CertificateHolder issuer, DigestCalculatorProvider digests)
            throws OCSPException {
        BigInteger serial = id.getSerialNumber();
        if (!id.matchesIssuer(issuer, digests) || unknown.containsKey(serial)) {
            return new UnknownStatus();
        }
        Instant at = revoked.get(serial);
        return at == null ? CertificateStatus.GOOD : new RevokedStatus(Date.from(at), CRLReason.keyCompromise);
    }

    private void crl(HttpExchange exchange) throws IOException {
        try (exchange) {
            crlRequests.incrementAndGet();
            CrlBehaviour behaviour = crlBehaviour;
            switch (behaviour) {
                case NOT_FOUND -> exchange.sendResponseHeaders(404, -1);
                case OVERSIZED -> send(exchange, "application/pkix-crl", new byte[OVERSIZED]);
                default -> send(exchange, "application/pkix-crl", signedCrl(behaviour));
            }
        }
    }

    private byte[] signedCrl(CrlBehaviour behaviour) throws IOException {
        try {
            Instant now = clock.instant();
            Instant thisUpdate = behaviour == CrlBehaviour.STALE ? now.minus(STALE_BY).minus(VALIDITY) : now;
            X509CertificateHolder issuer = new X509CertificateHolder(authority.certificate().getEncoded());
            X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.getSubject(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(VALIDITY)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authority.certificate()));
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
            PrivateKey key = behaviour == CrlBehaviour.BAD_SIGNATURE ? strangerKey() : authority.key();
            return builder.build(contentSigner(key)).getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("cannot sign the CRL", e);
        }
    }

    private static ContentSigner contentSigner(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA")
                .build(key);
    }

    private static PrivateKey strangerKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPrivate();
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
