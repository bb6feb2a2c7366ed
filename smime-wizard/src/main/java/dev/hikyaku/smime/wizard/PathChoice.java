package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.certificate.MailCertificate;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** The ways to a certificate the first step offers. */
public sealed interface PathChoice {

    /** A public CA from the catalogue. */
    record PublicCa(String caId) implements PathChoice {
        /** Checks that the id is given. */
        public PublicCa {
            Objects.requireNonNull(caId, "caId");
        }
    }

    /** A PKCS#12 file (.p12, .pfx) the user already has, from a CA, Outlook or Thunderbird. */
    record ExistingPkcs12() implements PathChoice {
    }

    /**
     * The company's own CA, which signs a request or hands out a PKCS#12.
     *
     * @param name  what the user calls it
     * @param roots the company's root certificates to trust for it (empty when it chains to a public root)
     */
    record CompanyCa(String name, List<X509Certificate> roots) implements PathChoice {
        /** Copies the roots. */
        public CompanyCa {
            Objects.requireNonNull(name, "name");
            roots = List.copyOf(roots);
        }

        /** Whether every root is a CA certificate. */
        boolean rootsAreAuthorities() {
            return roots.stream().allMatch(root -> new MailCertificate(root).isCa());
        }
    }

    /**
     * ACME for S/MIME (RFC 8823), where a CA offers it (a company CA, say).
     *
     * @param directory the CA's ACME directory URL (check what the user typed with {@code acme.DirectoryUrl.parse})
     */
    record Acme(URI directory) implements PathChoice {
        /** Checks that the directory is given. */
        public Acme {
            Objects.requireNonNull(directory, "directory");
        }
    }
}
