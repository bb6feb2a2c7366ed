package dev.hikyaku.smime.cms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.smime.SMIMEAttributes;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * What a correspondent's mail client said it can decrypt (the SMIMECapabilities signed attribute, RFC 8551
 * 2.5.2), in its order of preference.
 *
 * @param entries the advertised algorithms, most preferred first
 */
public record Capabilities(List<Capability> entries) {

    /** Nothing advertised: encrypt with what every client reads. */
    public static final Capabilities NONE = new Capabilities(List.of());

    /**
     * One advertised algorithm.
     *
     * @param algorithm  the dotted object identifier
     * @param parameters the DER of its parameters in hex, empty when absent
     */
    public record Capability(String algorithm, String parameters) {
    }

    /** Copies the entries. */
    public Capabilities {
        entries = List.copyOf(entries);
    }

    /**
     * What Hikyaku advertises in every signature: AES-GCM first (it authenticates), then AES-CBC for the clients that
     * cannot do GCM, and RSAES-OAEP with SHA-256 so that RSA key transport may use it.
     */
    public static Capabilities ours() {
        return new Capabilities(List.of(
                bare(NISTObjectIdentifiers.id_aes256_GCM),
                bare(NISTObjectIdentifiers.id_aes128_GCM),
                bare(NISTObjectIdentifiers.id_aes256_CBC),
                bare(NISTObjectIdentifiers.id_aes128_CBC),
                new Capability(PKCSObjectIdentifiers.id_RSAES_OAEP.getId(), hex(oaepSha256()))));
    }

    /** The capabilities among a signer's signed attributes, or {@link #NONE} when it advertised none. */
    public static Capabilities of(AttributeTable signedAttributes) {
        if (signedAttributes == null) {
            return NONE;
        }
        Attribute attribute = signedAttributes.get(SMIMEAttributes.smimeCapabilities);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return NONE;
        }
        return fromSequence(attribute.getAttrValues().getObjectAt(0));
    }

    /** Reads the DER this record wrote with {@link #encoded()}; anything unreadable counts as nothing advertised. */
    public static Capabilities decode(byte[] der) {
        try {
            return fromSequence(ASN1Primitive.fromByteArray(der));
        } catch (IOException | IllegalArgumentException e) {
            return NONE;
        }
    }

    /** The SMIMECapabilities SEQUENCE as DER, for storage. */
    public byte[] encoded() {
        try {
            return toSequence().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    /** Whether the content cipher is advertised. */
    public boolean lists(ContentCipher cipher) {
        return entries.stream().anyMatch(entry -> entry.algorithm().equals(cipher.oid().getId()));
    }

    /** The RSAES-OAEP parameters when OAEP is advertised (defaults, i.e. SHA-1, when it came without any). */
    public Optional<RSAESOAEPparams> oaep() {
        for (Capability entry : entries) {
            if (entry.algorithm().equals(PKCSObjectIdentifiers.id_RSAES_OAEP.getId())) {
                if (entry.parameters().isEmpty()) {
                    return Optional.of(new RSAESOAEPparams());
                }
                try {
                    return Optional.of(RSAESOAEPparams.getInstance(
                            ASN1Primitive.fromByteArray(HexFormat.of().parseHex(entry.parameters()))));
                } catch (IOException | IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    ASN1Sequence toSequence() {
        List<ASN1Encodable> items = new ArrayList<>();
        for (Capability entry : entries) {
            ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(entry.algorithm());
            if (entry.parameters().isEmpty()) {
                items.add(new DERSequence(oid));
            } else {
                try {
                    items.add(new DERSequence(new ASN1Encodable[] {oid,
                            ASN1Primitive.fromByteArray(HexFormat.of().parseHex(entry.parameters()))}));
                } catch (IOException e) {
                    throw new IllegalStateException("parameters were DER when stored", e);
                }
            }
        }
        return new DERSequence(items.toArray(ASN1Encodable[]::new));
    }

    private static Capabilities fromSequence(ASN1Encodable value) {
        List<Capability> entries = new ArrayList<>();
        try {
            for (ASN1Encodable item : ASN1Sequence.getInstance(value)) {
                SMIMECapability capability = SMIMECapability.getInstance(item);
                ASN1Encodable parameters = capability.getParameters();
                entries.add(new Capability(capability.getCapabilityID().getId(),
                        parameters == null || parameters instanceof DERNull ? "" : hex(parameters)));
            }
        } catch (IllegalArgumentException e) {
            // A malformed list from a stranger's signature advertises nothing rather than failing the message.
            return NONE;
        }
        return new Capabilities(entries);
    }

    private static Capability bare(ASN1ObjectIdentifier oid) {
        return new Capability(oid.getId(), "");
    }

    static RSAESOAEPparams oaepSha256() {
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
        return new RSAESOAEPparams(sha256, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256),
                RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM);
    }

    private static String hex(ASN1Encodable value) {
        try {
            return HexFormat.of().formatHex(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }
}
