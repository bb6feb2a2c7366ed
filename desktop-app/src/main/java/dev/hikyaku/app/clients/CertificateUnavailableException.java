package dev.hikyaku.app.clients;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import java.util.List;
import java.util.Locale;

/** The gateway's localhost certificate cannot be read, so no mail client can be told to trust it yet. */
public final class CertificateUnavailableException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;

    private final ClientsText reason;
    private final List<String> arguments;

    CertificateUnavailableException(Throwable cause, ClientsText reason, String... arguments) {
        super(new Messages(UiLanguage.ENGLISH).format(reason, (Object[]) arguments), cause);
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    /** Which of the known problems this is. */
    public ClientsText reason() {
        return reason;
    }

    @Override
    public String in(Locale locale) {
        return new Messages(UiLanguage.forLocale(locale)).format(reason, arguments.toArray());
    }
}
