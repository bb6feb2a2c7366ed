package dev.hikyaku.gateway.guard.confirm;

import java.util.Locale;
import java.util.Objects;

/** One thing the sender must tick before the message leaves. */
public sealed interface ConfirmItem {

    /**
     * An external recipient.
     *
     * @param address the envelope address; its domain is kept in lower case so that a tick matches however
     *                the domain was written
     */
    record Recipient(String address) implements ConfirmItem {
        /** Validated, domain lower-cased. */
        public Recipient {
            Objects.requireNonNull(address, "address");
            int at = address.lastIndexOf('@');
            if (at >= 0) {
                address = address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
            }
        }
    }

    /**
     * An attached file.
     *
     * @param position where it sits in the message ({@code "2"}, {@code "1.2"}), which tells same-named files apart
     * @param fileName its name, or empty when the part names none
     * @param size     its decoded size in bytes
     */
    record File(String position, String fileName, long size) implements ConfirmItem {
        /** Validated. */
        public File {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(fileName, "fileName");
            if (size < 0) {
                throw new IllegalArgumentException("negative size");
            }
        }
    }
}
