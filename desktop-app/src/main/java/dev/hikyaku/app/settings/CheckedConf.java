package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.gateway.config.GatewaySettings;
import java.util.List;
import java.util.Optional;

/** A candidate gateway.conf after checking: what the gateway will run on, or the one problem to fix first. */
public sealed interface CheckedConf {

    /** The gateway accepts {@code lines} and will run on {@code settings}. */
    record Valid(List<String> lines, GatewaySettings settings) implements CheckedConf {
    }

    /** The gateway would refuse the file: {@code problem}, shown by {@code field} when one owns it. */
    record Invalid(Optional<SettingField> field, Localized problem) implements CheckedConf {
    }
}
