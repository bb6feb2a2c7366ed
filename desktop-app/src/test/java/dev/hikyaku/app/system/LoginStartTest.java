package dev.hikyaku.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.BundleChecks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class LoginStartTest {
    private static final Path LAUNCHER = Path.of("/opt/hikyaku/bin/Hikyaku");

    @TempDir
    Path home;

    @Test
    void linuxWritesAnAutostartEntryThatTheDesktopCanSwitchOffAndRemovesIt() throws Exception {
        Path config = home.resolve("config");
        LinuxAutostart autostart = new LinuxAutostart(home, Map.of("XDG_CONFIG_HOME", config.toString()), LAUNCHER);
        Path entry = config.resolve("autostart/hikyaku.desktop");
        assertFalse(autostart.isEnabled());

        autostart.enable();

        assertTrue(autostart.isEnabled());
        assertEquals(entry.toString(), autostart.location());
        String text = Files.readString(entry, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("[Desktop Entry]\n"), text);
        assertTrue(text.contains("\nExec=\"/opt/hikyaku/bin/Hikyaku\"\n"), text);
        assertTrue(text.contains("\nType=Application\n"), text);

        Files.writeString(entry, text + "Hidden=true\n", StandardCharsets.UTF_8);
        assertFalse(autostart.isEnabled(), "switched off in the desktop's own settings");

        autostart.disable();
        assertFalse(Files.exists(entry));
        assertFalse(autostart.isEnabled());
        autostart.disable();
    }

    @Test
    void aRelativeXdgConfigHomeIsIgnoredAsTheSpecSays() throws Exception {
        LinuxAutostart autostart = new LinuxAutostart(home, Map.of("XDG_CONFIG_HOME", "relative"), LAUNCHER);

        autostart.enable();

        assertTrue(Files.isRegularFile(home.resolve(".config/autostart/hikyaku.desktop")));
    }

    @Test
    void theExecValueQuotesAndEscapesWhatTheDesktopEntrySpecReserves() {
        assertEquals("\"/home/taro/My Apps/$HOME/100%/Hikyaku\"".replace("$", "\\\\$").replace("%", "%%"),
                LinuxAutostart.execValue(Path.of("/home/taro/My Apps/$HOME/100%/Hikyaku")));
    }

    @Test
    void macOsWritesALaunchAgentThatRunsTheAppAtLoad() throws Exception {
        Path app = Path.of("/Applications/Hikyaku & Co.app/Contents/MacOS/Hikyaku");
        MacLaunchAgent agent = new MacLaunchAgent(home, app);

        agent.enable();

        Path plist = home.resolve("Library/LaunchAgents/dev.hikyaku.app.plist");
        assertTrue(agent.isEnabled());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(plist)));
        assertEquals(List.of("Label", "dev.hikyaku.app", "ProgramArguments", app.toString(), "RunAtLoad", "",
                "ProcessType", "Interactive"), texts(document));
        agent.disable();
        assertFalse(Files.exists(plist));
    }

    @Test
    void windowsImportsAQuotedRunValueFromARegFileAndDeletesItByName() throws Exception {
        Path launcher = Path.of("C:\\Users\\山田 太郎\\AppData\\Local\\Programs\\Hikyaku\\Hikyaku.exe");
        List<List<String>> ran = new ArrayList<>();
        List<String> imported = new ArrayList<>();
        Commands reg = command -> {
            ran.add(command);
            if (command.get(1).equals("import")) {
                try {
                    imported.add(new String(Files.readAllBytes(Path.of(command.get(2))), StandardCharsets.UTF_16LE));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
            return 0;
        };
        WindowsRunKey run = new WindowsRunKey(launcher, reg);

        run.enable();
        run.disable();

        assertEquals(List.of("reg", "import"), ran.get(0).subList(0, 2));
        assertFalse(Files.exists(Path.of(ran.get(0).get(2))), "the generated .reg file is removed again");
        assertEquals("\uFEFFWindows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"
                + "\"Hikyaku\"=\"\\\"C:\\\\Users\\\\山田 太郎\\\\AppData\\\\Local\\\\Programs\\\\Hikyaku\\\\Hikyaku.exe\\\"\"\r\n",
                imported.get(0));
        assertEquals(List.of(List.of("reg", "query", WindowsRunKey.KEY, "/v", "Hikyaku"),
                List.of("reg", "delete", WindowsRunKey.KEY, "/v", "Hikyaku", "/f")), ran.subList(1, 3));
    }

    @Test
    void eachOsGetsItsOwnWayAndADevelopmentBuildNone() {
        Optional<Path> launcher = Optional.of(LAUNCHER);
        assertInstanceOf(LinuxAutostart.class, LoginStart.of("Linux", home, Map.of(), launcher).orElseThrow());
        assertInstanceOf(MacLaunchAgent.class, LoginStart.of("Mac OS X", home, Map.of(), launcher).orElseThrow());
        assertInstanceOf(WindowsRunKey.class, LoginStart.of("Windows 11", home, Map.of(), launcher).orElseThrow());
        assertEquals(Optional.empty(), LoginStart.of("Linux", home, Map.of(), Optional.empty()));
    }

    @Test
    void startedAsTheCommandLinesAppTheEntryStillStartsTheWindow() throws Exception {
        LoginStart start = LoginStart.of("Linux", home, Map.of(), Optional.of(Path.of("/opt/hikyaku/bin/hikyaku")))
                .orElseThrow();

        start.enable();

        assertTrue(Files.readString(home.resolve(".config/autostart/hikyaku.desktop"), StandardCharsets.UTF_8)
                .contains("\nExec=\"/opt/hikyaku/bin/Hikyaku\"\n"));
    }

    @Test
    void everyTextIsInBothBundles() throws Exception {
        BundleChecks.assertComplete(SystemText.class);
    }

    private static List<String> texts(Document document) {
        List<String> texts = new ArrayList<>();
        org.w3c.dom.NodeList children = document.getElementsByTagName("dict").item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            org.w3c.dom.Node node = children.item(i);
            if (node.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
                continue;
            }
            texts.add(node.getNodeName().equals("array")
                    ? node.getTextContent().strip()
                    : node.getTextContent());
        }
        return texts;
    }
}
