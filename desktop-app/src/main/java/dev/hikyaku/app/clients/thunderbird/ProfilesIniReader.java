package dev.hikyaku.app.clients.thunderbird;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lists the profiles of a Thunderbird root from its {@code profiles.ini}.
 *
 * <p>The default profile is the one an {@code [Install…]} section names, as Thunderbird 68 and later decide
 * it (or, without one, a section of {@code installs.ini}); only when neither exists does the older
 * {@code Default=1} in a profile section count.
 */
public final class ProfilesIniReader {
    /** Far above any real profiles.ini (a few hundred bytes per profile), far below harm. */
    public static final long MAX_BYTES = 256 * 1024;

    private static final Pattern PROFILE_SECTION = Pattern.compile("Profile[0-9]+");
    private static final String INSTALL_PREFIX = "Install";
    private static final String INSTALLS_INI = "installs.ini";

    private final BoundedTextFile file = new BoundedTextFile(MAX_BYTES);

    /** The profiles listed under {@code root}, in file order. */
    public List<ThunderbirdProfile> read(ThunderbirdRoot root) throws ThunderbirdSetupException {
        Path ini = root.profilesIni();
        if (!Files.isRegularFile(ini)) {
            throw new ThunderbirdSetupException(ThunderbirdText.PROFILES_NO_INI, root.directory().toString());
        }
        List<IniSection> sections = IniParser.parse(file.read(ini));
        ProfilePathResolver resolver = new ProfilePathResolver(root.directory());

        Set<Path> installDefaults = new HashSet<>();
        for (IniSection section : sections) {
            if (section.name().startsWith(INSTALL_PREFIX)) {
                addDefault(section, resolver, installDefaults);
            }
        }
        // Thunderbird 68 to 70 kept the install sections only in installs.ini, without the "Install" prefix.
        Path installsIni = root.directory().resolve(INSTALLS_INI);
        if (installDefaults.isEmpty() && Files.isRegularFile(installsIni)) {
            for (IniSection section : IniParser.parse(file.read(installsIni))) {
                addDefault(section, resolver, installDefaults);
            }
        }

        List<ThunderbirdProfile> profiles = new ArrayList<>();
        for (IniSection section : sections) {
            if (PROFILE_SECTION.matcher(section.name()).matches()) {
                profiles.add(profile(section, resolver, installDefaults));
            }
        }
        return List.copyOf(profiles);
    }

    private static void addDefault(IniSection section, ProfilePathResolver resolver, Set<Path> defaults)
            throws ThunderbirdSetupException {
        // Install sections write the profile's Path as the Profile section does, relative when it can be.
        String path = section.value("Default").orElse("");
        if (!path.isEmpty()) {
            defaults.add(resolver.resolve(path, !isAbsolute(path), section.name()));
        }
    }

    private static ThunderbirdProfile profile(IniSection section, ProfilePathResolver resolver,
                                              Set<Path> installDefaults) throws ThunderbirdSetupException {
        String path = section.value("Path").orElse("");
        if (path.isEmpty()) {
            throw new ThunderbirdSetupException(ThunderbirdText.PROFILES_NO_PATH, section.name());
        }
        // Mozilla always writes IsRelative; when a hand-edited file lacks it, the path's own form decides.
        boolean relative = section.value("IsRelative").map("1"::equals).orElse(!isAbsolute(path));
        Path directory = resolver.resolve(path, relative, section.name());
        String name = section.value("Name").filter(value -> !value.isEmpty())
                .orElse(directory.getFileName().toString());
        boolean isDefault = installDefaults.isEmpty()
                ? section.value("Default").map("1"::equals).orElse(false)
                : installDefaults.contains(directory);
        return new ThunderbirdProfile(name, directory, isDefault, Files.isDirectory(directory));
    }

    private static boolean isAbsolute(String path) {
        // Checked on the text so a Windows path is recognised on any system the tests run on.
        return path.startsWith("/") || path.startsWith("\\") || path.matches("[A-Za-z]:[\\\\/].*");
    }
}
