package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.config.ConfigException;
import dev.hikyaku.gateway.config.ConfigFile;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.config.SettingsReader;
import dev.hikyaku.gateway.config.UpstreamTarget;
import dev.hikyaku.gateway.delivery.UpstreamSecurity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a candidate gateway.conf the way the gateway will take it at its next start: the same parser and
 * {@link SettingsReader} (so the window accepts exactly what the gateway accepts and shows its own message), then
 * the upstream client settings the gateway builds from it (host name, TLS towards other computers, the CA file).
 */
public final class ConfCheck {
    private final Path file;
    private final Path dataDirectory;

    /** Checks files that will live at {@code file} for the gateway of {@code dataDirectory}. */
    public ConfCheck(Path file, Path dataDirectory) {
        this.file = file;
        this.dataDirectory = dataDirectory;
    }

    /** What the gateway would make of {@code lines}; reads the CA file if one is named. */
    public CheckedConf check(List<String> lines) {
        GatewaySettings settings;
        try {
            settings = SettingsReader.read(ConfigFile.parse(lines, file.toString()), Map.of(), dataDirectory);
        } catch (ConfigException e) {
            List<String> keys = Arrays.stream(SettingField.values()).map(SettingField::confKey).toList();
            return new CheckedConf.Invalid(ProblemField.of(e, keys).flatMap(SettingField::forKey), e::message);
        }
        if (settings.upstream().isPresent()) {
            Optional<CheckedConf.Invalid> upstream = upstreamProblem(settings.upstream().get());
            if (upstream.isPresent()) {
                return upstream.get();
            }
        }
        return new CheckedConf.Valid(List.copyOf(lines), settings);
    }

    private static Optional<CheckedConf.Invalid> upstreamProblem(UpstreamTarget target) {
        try {
            ConnectionCheck.upstreamSettings(target);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            if (target.security() == UpstreamSecurity.NONE) {
                return Optional.of(invalid(SettingField.UPSTREAM_SECURITY, SettingsText.UPSTREAM_PLAIN_OFF_LOOPBACK,
                        target.host()));
            }
            return Optional.of(invalid(SettingField.UPSTREAM_HOST, SettingsText.UPSTREAM_HOST_INVALID, target.host()));
        } catch (IOException e) {
            return Optional.of(invalid(SettingField.UPSTREAM_TRUST_CA, SettingsText.TRUST_CA_UNREADABLE,
                    target.trustCa().map(Path::toString).orElse(""), String.valueOf(e.getMessage())));
        }
    }

    private static CheckedConf.Invalid invalid(SettingField field, SettingsText text, Object... arguments) {
        Localized problem = locale -> new Messages(UiLanguage.forLocale(locale)).format(text, arguments);
        return new CheckedConf.Invalid(Optional.of(field), problem);
    }
}
