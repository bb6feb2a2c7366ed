package dev.hikyaku.smime.contacts;

import dev.hikyaku.smime.cms.Capabilities;
import java.util.Objects;

/** Where a contact's certificate was found; every harvester offers through {@link ContactCertificates#offer}. */
public sealed interface Source {

    /** The kind of source, as stored. */
    String kind();

    /** What to show about the source (server, domain, file), as stored. */
    String detail();

    /**
     * Whether the source itself vouches that the certificate belongs to the address, so that no CA chain is needed:
     * only DNSSEC-validated SMIMEA records (RFC 8162) do.
     */
    default boolean vouches() {
        return false;
    }

    /** The certificate signed a message that verified; the capabilities are what that signature advertised. */
    record SignedMail(Capabilities advertised) implements Source {
        /** Checks the capabilities are given ({@link Capabilities#NONE} when none were advertised). */
        public SignedMail {
            Objects.requireNonNull(advertised, "advertised");
        }

        @Override
        public String kind() {
            return "signed-mail";
        }

        @Override
        public String detail() {
            return "";
        }
    }

    /** Found in an LDAP directory. */
    record Directory(String server) implements Source {
        @Override
        public String kind() {
            return "ldap";
        }

        @Override
        public String detail() {
            return server;
        }
    }

    /** An SMIMEA record under the domain, validated by DNSSEC (offer only validated ones). */
    record Smimea(String domain) implements Source {
        @Override
        public String kind() {
            return "smimea";
        }

        @Override
        public String detail() {
            return domain;
        }

        @Override
        public boolean vouches() {
            return true;
        }
    }

    /** Imported by the user from a file (.cer, .p7c, .p7b). */
    record FileImport(String fileName) implements Source {
        @Override
        public String kind() {
            return "file";
        }

        @Override
        public String detail() {
            return fileName;
        }
    }
}
