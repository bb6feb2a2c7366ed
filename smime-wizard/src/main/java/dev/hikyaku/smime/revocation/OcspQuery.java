package dev.hikyaku.smime.revocation;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks one OCSP responder (RFC 6960) about one certificate and believes only an answer that is signed by the issuer or
 * by a responder the issuer delegated to (id-kp-OCSPSigning), is about this certificate, carries our nonce when it
 * carries one, and is fresh by the injected clock.
 */
final class OcspQuery {
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    private static final int NONCE_BYTES = 16;

    private final RevocationHttp http;
    private final RevocationSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OcspQuery(RevocationHttp http, RevocationSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /** The DER of a request for the certificate, with a fresh nonce. */
    static OCSPReq request(X509Certificate certificate, X509Certificate issuer, byte[] nonce)
            throws OCSPException, CertificateException, OperatorCreationException {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                certificate.getSerialNumber());
        return new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(nonceExtension(nonce))).build();
    }

    SourceAnswer ask(URI responder, X509Certificate certificate, X509Certificate issuer) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        OCSPReq request;
        try {
            request = request(certificate, issuer, nonce);
        } catch (OCSPException | CertificateException | OperatorCreationException e) {
            return new SourceAnswer.Unusable(RevocationStatus.Reason.INVALID_ANSWER);
        }
        byte[] answer;
        try {
            answer = http.post(responder, "application/ocsp-request", request.getEncoded(), settings.maxOcspBytes());
        } catch (FetchException | IOException e) {
            return new SourceAnswer.Unusable(RevocationStatus.Reason.UNREACHABLE);
        }
        return judge(answer, responder, certificate, issuer, nonce);
    }

    // Everything in the answer is a stranger's bytes: any parse failure is an invalid answer, never an exception.
    private SourceAnswer judge(byte[] answer, URI responder, X509Certificate certificate, X509Certificate issuer,
            byte[] nonce) {
        try {
            OCSPResp response = new OCSPResp(answer);
            if (response.getStatus() == OCSPResp.TRY_LATER || response.getStatus() == OCSPResp.INTERNAL_ERROR) {
                return new SourceAnswer.Unusable(RevocationStatus.Reason.UNREACHABLE);
            }
            if (response.getStatus() != OCSPResp.SUCCESSFUL
                    || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return invalid();
            }
            Instant now = clock.instant();
            if (!signedByIssuerOrDelegate(basic, issuer, now) || !nonceMatches(basic, nonce)) {
                return invalid();
            }
            Optional<SingleResp> single = about(basic, certificate, issuer);
            if (single.isEmpty()) {
                return invalid();
            }
            Optional<Instant> until = freshUntil(single.get(), now);
            if (until.isEmpty()) {
                return invalid();
            }
            String source = "OCSP " + responder;
            CertificateStatus status = single.get().getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return new SourceAnswer.Settled(new RevocationStatus.Good(source), until.get());
            }
            if (status instanceof RevokedStatus revoked) {
                return new SourceAnswer.Settled(
                        new RevocationStatus.Revoked(source, revoked.getRevocationTime().toInstant()), Instant.MAX);
            }
            if (status instanceof UnknownStatus) {
                return new SourceAnswer.Unusable(RevocationStatus.Reason.UNKNOWN_TO_SOURCE);
            }
            return invalid();
        } catch (IOException | OCSPException | OperatorCreationException | CertificateException | RuntimeException e) {
            return invalid();
        }
    }

    private boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
        try {
            JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            if (respondsAs(basic.getResponderId(), issuerHolder) && signatureValid(basic, issuer)) {
                return true;
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder candidate : basic.getCerts()) {
                X509Certificate responder = converter.getCertificate(candidate);
                if (respondsAs(basic.getResponderId(), candidate) && delegated(responder, issuer, now)
                        && signatureValid(basic, responder)) {
                    return true;
                }
            }
            return false;
        } catch (CertificateException | OCSPException | OperatorCreationException e) {
            return false;
        }
    }

    private static boolean respondsAs(RespID responderId, X509CertificateHolder certificate)
            throws OCSPException, OperatorCreationException {
        RespID byKey = new RespID(certificate.getSubjectPublicKeyInfo(),
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
        return responderId.equals(new RespID(certificate.getSubject())) || responderId.equals(byKey);
    }

    private static boolean signatureValid(BasicOCSPResp basic, X509Certificate signer)
            throws OCSPException, OperatorCreationException {
        return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublicKey()));
    }

    // RFC 6960 4.2.2.2: issued directly by the CA that issued the certificate in question, marked for OCSP signing.
    private static boolean delegated(X509Certificate responder, X509Certificate issuer, Instant now) {
        try {
            List<String> purposes = responder.getExtendedKeyUsage();
            if (purposes == null || !purposes.contains(OCSP_SIGNING)
                    || !responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                return false;
            }
            responder.verify(issuer.getPublicKey());
            return !now.isBefore(responder.getNotBefore().toInstant()) && !now.isAfter(responder.getNotAfter().toInstant());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    // Responders that serve pre-signed answers send no nonce (RFC 8954); those are still held to freshness below.
    private static boolean nonceMatches(BasicOCSPResp basic, byte[] nonce) {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        return echoed == null
                || Arrays.equals(echoed.getExtnValue().getOctets(), nonceExtension(nonce).getExtnValue().getOctets());
    }

    private static Optional<SingleResp> about(BasicOCSPResp basic, X509Certificate certificate, X509Certificate issuer)
            throws OCSPException, OperatorCreationException, CertificateException {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            if (id.getSerialNumber().equals(certificate.getSerialNumber()) && id.matchesIssuer(issuerHolder, digests)) {
                return Optional.of(single);
            }
        }
        return Optional.empty();
    }

    // RFC 6960 4.2.2.1 and 3.2: thisUpdate not in the future, nextUpdate (or, without one, a short age) not passed.
    private Optional<Instant> freshUntil(SingleResp single, Instant now) {
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(settings.clockSkew()))) {
            return Optional.empty();
        }
        Instant until = single.getNextUpdate() != null ? single.getNextUpdate().toInstant()
                : thisUpdate.plus(settings.maxAgeWithoutNextUpdate());
        return now.isAfter(until.plus(settings.clockSkew())) ? Optional.empty() : Optional.of(until);
    }

    private static Extension nonceExtension(byte[] nonce) {
        try {
            return new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("encoding an octet string in memory cannot fail", e);
        }
    }

    private static SourceAnswer invalid() {
        return new SourceAnswer.Unusable(RevocationStatus.Reason.INVALID_ANSWER);
    }
}
