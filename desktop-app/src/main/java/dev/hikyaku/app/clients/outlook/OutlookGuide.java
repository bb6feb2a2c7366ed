package dev.hikyaku.app.clients.outlook;

import dev.hikyaku.app.clients.LocalSubmission;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import java.util.List;

/**
 * How to send from Outlook on Windows through Hikyaku, step by step with this PC's values, and where that cannot
 * work. Hikyaku changes nothing in Outlook itself and generates no .reg file or script: Outlook keeps each account's
 * server settings as binary registry values inside its profile, numbered differently on every PC, so a file
 * written blind could change the wrong account; and the one thing a script could do about the certificate warning,
 * making Windows trust Hikyaku's certificate as a root, is what Hikyaku never does. What it does generate is the
 * card of values to type ({@link #settingsCard}).
 */
public final class OutlookGuide {
    private OutlookGuide() {
    }

    /** The guide's sections for the gateway at {@code target}, in reading order. */
    public static List<GuideSection> sections(LocalSubmission target) {
        String port = Integer.toString(target.port());
        return List.of(
                new GuideSection(OutlookText.WHICH_TITLE, false, List.of(
                        GuideLine.of(OutlookText.WHICH_CLASSIC_IMAP),
                        GuideLine.of(OutlookText.WHICH_EXCHANGE),
                        GuideLine.of(OutlookText.WHICH_NEW_OUTLOOK),
                        GuideLine.of(OutlookText.WHICH_MAC))),
                new GuideSection(OutlookText.CURRENT_TITLE, true, List.of(
                        GuideLine.of(OutlookText.CURRENT_OPEN),
                        GuideLine.of(OutlookText.CURRENT_OUTGOING, LocalSubmission.HOST, port),
                        GuideLine.of(OutlookText.CURRENT_SIGN_IN),
                        GuideLine.of(OutlookText.CURRENT_FINISH))),
                new GuideSection(OutlookText.OLDER_TITLE, true, List.of(
                        GuideLine.of(OutlookText.OLDER_OPEN),
                        GuideLine.of(OutlookText.OLDER_SERVER, LocalSubmission.HOST),
                        GuideLine.of(OutlookText.OLDER_ADVANCED, port),
                        GuideLine.of(OutlookText.OLDER_SIGN_IN),
                        GuideLine.of(OutlookText.OLDER_FINISH))),
                new GuideSection(OutlookText.CERTIFICATE_TITLE, true, List.of(
                        GuideLine.of(OutlookText.CERTIFICATE_WARNING),
                        GuideLine.of(OutlookText.CERTIFICATE_COMPARE, target.sha1Thumbprint(),
                                target.sha256Fingerprint()),
                        GuideLine.of(OutlookText.CERTIFICATE_ANSWER, target.hostAndPort()),
                        GuideLine.of(OutlookText.CERTIFICATE_EVERY_START))),
                new GuideSection(OutlookText.NOTHING_CHANGED_TITLE, false, List.of(
                        GuideLine.of(OutlookText.NOTHING_CHANGED_REGISTRY),
                        GuideLine.of(OutlookText.NOTHING_CHANGED_UNDO))));
    }

    /** The values to type, as plain text in {@code language}, for the clipboard or a printout. */
    public static String settingsCard(LocalSubmission target, UiLanguage language) {
        return new Messages(language).format(OutlookText.CARD, LocalSubmission.HOST, Integer.toString(target.port()),
                target.sha1Thumbprint(), target.sha256Fingerprint());
    }
}
