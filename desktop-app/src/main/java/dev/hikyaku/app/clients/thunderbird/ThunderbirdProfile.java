package dev.hikyaku.app.clients.thunderbird;

import java.nio.file.Path;

/**
 * A Thunderbird profile as {@code profiles.ini} lists it.
 *
 * @param name the name the profile manager shows
 * @param directory the profile folder, absolute and normalized
 * @param isDefault whether Thunderbird opens this profile when started without choosing
 * @param exists whether the folder is there; a listed profile may have been deleted by hand
 */
public record ThunderbirdProfile(String name, Path directory, boolean isDefault, boolean exists) {
    /** The profile's preferences file, where the outgoing servers are kept. */
    public Path prefsJs() {
        return directory.resolve("prefs.js");
    }
}
