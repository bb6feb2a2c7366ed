package dev.hikyaku.app.i18n;

/**
 * A text of the windows: which resource bundle holds it and under which key. Each window's package has its own
 * enum of keys and its own bundle, so windows are added without touching each other's texts.
 */
public interface TextKey {
    /** The bundle's base name, e.g. {@code dev.hikyaku.app.messages}. */
    String bundle();

    /** The key in the bundle. */
    String key();
}
