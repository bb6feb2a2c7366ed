package dev.hikyaku.gateway.packaging;

/** Thrown inside the packager when a message cannot be repackaged; becomes a {@link PackagingException}. */
final class Unpackable extends Exception {
    private static final long serialVersionUID = 1L;

    private final PackagingException.Reason reason;

    Unpackable(PackagingException.Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    PackagingException.Reason reason() {
        return reason;
    }
}
