package dev.hikyaku.app.review;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.review.warnings.Warning;
import java.net.IDN;
import javafx.beans.binding.StringBinding;

/** One warning with its text in the current language. */
public final class WarningRow {
    private final Warning warning;
    private final StringBinding text;

    WarningRow(Warning warning, LiveText text) {
        this.warning = warning;
        this.text = text(warning, text);
    }

    /** The warning. */
    public Warning warning() {
        return warning;
    }

    /** What it says. */
    public StringBinding text() {
        return text;
    }

    private static StringBinding text(Warning warning, LiveText text) {
        if (warning instanceof Warning.NoMail noMail) {
            return text.text(ReviewKey.WARNING_NO_MAIL, shown(noMail.domain()));
        }
        if (warning instanceof Warning.NewDomain newDomain) {
            return text.text(ReviewKey.WARNING_NEW_DOMAIN, shown(newDomain.domain()));
        }
        if (warning instanceof Warning.Lookalike lookalike) {
            return text.text(ReviewKey.WARNING_LOOKALIKE, shown(lookalike.domain()), lookalike.resembles());
        }
        if (warning instanceof Warning.DisplayNameMisfit misfit) {
            return text.text(ReviewKey.WARNING_DISPLAY_NAME, misfit.address(), misfit.displayName(), misfit.named());
        }
        return text.text(ReviewKey.WARNING_THREAD, shown(((Warning.NewDomainInThread) warning).domain()));
    }

    /** An international domain in Unicode with its ASCII form, so a look-alike script shows. */
    private static String shown(String domain) {
        String unicode = IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED);
        return unicode.equals(domain) ? domain : unicode + " (" + domain + ")";
    }
}
