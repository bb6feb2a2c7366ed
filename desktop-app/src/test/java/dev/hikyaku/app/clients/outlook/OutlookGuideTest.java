package dev.hikyaku.app.clients.outlook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.clients.LocalSubmission;
import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.tls.LocalhostCertificate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutlookGuideTest {
    @TempDir
    Path data;

    private LocalSubmission target;

    @BeforeEach
    void makeTheGatewaysCertificate() throws Exception {
        LocalhostCertificate.loadOrCreate(data.resolve("tls"), Clock.systemUTC());
        target = LocalSubmission.read(data, 2525);
    }

    @Test
    void theStepsCarryThisPcsValuesInBothLanguages() {
        for (UiLanguage language : UiLanguage.values()) {
            String guide = render(language);

            assertTrue(guide.contains("127.0.0.1"), language.name());
            assertTrue(guide.contains("2525"), language.name());
            assertTrue(guide.contains("STARTTLS"), language.name());
            assertTrue(guide.contains(target.sha1Thumbprint()), "Windows shows the SHA-1 thumbprint");
            assertTrue(guide.contains(target.sha256Fingerprint()), "the app shows the SHA-256 fingerprint");
            assertFalse(guide.contains("{"), "every placeholder is filled: " + language);
        }
    }

    @Test
    void saysWhereALocalProxyCannotReach() {
        String english = render(UiLanguage.ENGLISH);
        assertTrue(english.contains("Exchange and Microsoft 365"));
        assertTrue(english.contains("not SMTP"));
        assertTrue(english.contains("new Outlook for Windows") && english.contains("Microsoft's cloud"));
        assertTrue(english.contains("never installs root certificates"));
        String japanese = render(UiLanguage.JAPANESE);
        assertTrue(japanese.contains("Microsoft のクラウド"));
        assertTrue(japanese.contains("ルート証明書を決してインストールせず"));
    }

    @Test
    void theCardListsTheValuesToType() {
        String card = OutlookGuide.settingsCard(target, UiLanguage.ENGLISH);

        assertEquals(List.of("Outgoing mail server (SMTP): 127.0.0.1", "Port: 2525", "Encryption: STARTTLS"),
                card.lines().limit(3).toList());
        assertTrue(OutlookGuide.settingsCard(target, UiLanguage.JAPANESE).contains("ポート: 2525"));
    }

    @Test
    void everyTextIsInBothBundles() throws Exception {
        BundleChecks.assertComplete(OutlookText.class);
    }

    private String render(UiLanguage language) {
        Messages messages = new Messages(language);
        return OutlookGuide.sections(target).stream()
                .flatMap(section -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(messages.format(section.title())),
                        section.lines().stream().map(line -> messages.format(line.text(), line.arguments().toArray()))))
                .collect(Collectors.joining("\n"));
    }
}
