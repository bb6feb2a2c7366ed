package dev.hikyaku.app.i18n;

import java.util.Locale;

/** A message argument that is itself a text in the user's language (e.g. a configuration error from the gateway). */
@FunctionalInterface
public interface Localized {
    /** The text in {@code locale}. */
    String in(Locale locale);
}
