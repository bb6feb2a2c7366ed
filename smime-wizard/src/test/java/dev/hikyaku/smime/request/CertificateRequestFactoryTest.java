package dev.hikyaku.smime.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateRequestFactoryTest {
    private final CertificateRequestFactory factory = new CertificateRequestFactory(new SecureRandom());

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256"})
    void requestIsSelfSignedAndNamesTheMailboxForSmime(KeyAlgorithm algorithm) throws Exception {
        CertificateRequest made = factory.create(EmailAddress.parse("Taro.Yamada@Example.CO.JP"), Optional.of("山田 太郎"), algorithm);

        PKCS10CertificationRequest parsed = reparse(made.pem());
        assertTrue(parsed.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider()).build(parsed.getSubjectPublicKeyInfo())));
        assertArrayEquals(made.keyPair().getPublic().getEncoded(), parsed.getSubjectPublicKeyInfo().getEncoded());
        assertEquals("山田 太郎", IETFUtils.valueToString(parsed.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()));

        Extensions extensions = Extensions.getInstance(
                parsed.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
        GeneralName[] names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames();
        assertEquals(1, names.length);
        assertEquals(GeneralName.rfc822Name, names[0].getTagNo());
        assertEquals("Taro.Yamada@example.co.jp", names[0].getName().toString());
        assertTrue(ExtendedKeyUsage.fromExtensions(extensions).hasKeyPurposeId(KeyPurposeId.id_kp_emailProtection));
        KeyUsage usage = KeyUsage.fromExtensions(extensions);
        assertTrue(usage.hasUsages(KeyUsage.digitalSignature));
        int exchange = algorithm == KeyAlgorithm.EC_P256 ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment;
        assertTrue(usage.hasUsages(exchange));
    }

    @Test
    void commonNameDefaultsToTheAddress() throws Exception {
        CertificateRequest made = factory.create(EmailAddress.parse("hanako@example.jp"), Optional.of("  "), KeyAlgorithm.EC_P256);
        assertEquals("hanako@example.jp",
                IETFUtils.valueToString(reparse(made.pem()).getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()));
    }

    @Test
    void overlongNameIsRefusedWithAClearMessage() {
        RequestRejectedException e = assertThrows(RequestRejectedException.class,
                () -> factory.create(EmailAddress.parse("a@example.jp"), Optional.of("x".repeat(65)), KeyAlgorithm.EC_P256));
        assertEquals("name.tooLong", e.messageKey());
    }

    @Test
    void textNeverShowsKeyMaterial() {
        CertificateRequest made = factory.create(EmailAddress.parse("a@example.jp"), Optional.empty(), KeyAlgorithm.EC_P256);
        assertEquals("CertificateRequest[a@example.jp, EC_P256]", made.toString());
        assertFalse(made.pem().contains("PRIVATE"));
    }

    private static PKCS10CertificationRequest reparse(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (PKCS10CertificationRequest) parser.readObject();
        }
    }
}
