package dev.hikyaku.installer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.installer.text.InstallerText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandTest {
    @Test
    void checkGoesToTheAdvisorWithEveryWordSinceItExpectsCheckFirst() {
        assertEquals(new Command.Advisor(List.of("check", "--help")), Command.parse(List.of("check", "--help")));
        assertEquals(new Command.Advisor(List.of("check", "-v", "taro@example.jp")),
                Command.parse(List.of("check", "-v", "taro@example.jp")));
    }

    @Test
    void gatewayAndAppGetTheWordsAfterTheirName() {
        assertEquals(new Command.Gateway(List.of("run", "--port", "10587")),
                Command.parse(List.of("gateway", "run", "--port", "10587")));
        assertEquals(new Command.Gateway(List.of()), Command.parse(List.of("gateway")));
        assertEquals(new Command.App(List.of("--lang=ja")), Command.parse(List.of("app", "--lang=ja")));
    }

    @Test
    void helpIsAskedForAndAnUnknownWordIsNot() {
        for (List<String> words : List.of(List.<String>of(), List.of("help"), List.of("--help"), List.of("-h"))) {
            assertTrue(((Command.Usage) Command.parse(words)).asked(), words.toString());
        }
        Command.Usage unknown = (Command.Usage) Command.parse(List.of("send", "x"));
        assertFalse(unknown.asked());
        assertEquals(Optional.of("send"), unknown.unknown());
    }

    @Test
    void theUsageNamesEveryCommandInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            String usage = InstallerText.format(locale, "usage");
            for (String command : List.of("check", "gateway run|check|help", "app", "help")) {
                assertTrue(usage.contains(command), locale + ": " + command);
            }
            assertTrue(InstallerText.format(locale, "usage.unknown", "send").contains("send"));
        }
    }
}
