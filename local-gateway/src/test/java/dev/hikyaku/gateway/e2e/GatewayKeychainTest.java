package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.SENDER;
import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.auth.OsKeychain;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.testworld.secrets.SecretServiceExtension;
import dev.hikyaku.testworld.secrets.SecretServiceWorld;
import dev.hikyaku.testworld.smtp.SubmissionAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in to keep the upstream password in the OS key store (a private GNOME Keyring here). */
@ExtendWith(SecretServiceExtension.class)
class GatewayKeychainTest {
    private static final String PASSWORD = "Kx9-unusual-Secret-4711";
    private static final byte[] MESSAGE = ("From: " + SENDER + "\r\nTo: hanako@plain.test\r\nSubject: kept\r\n\r\nbody\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;
    private GatewayWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new GatewayWorld(folder);
        world.upstream(world.startTls().withAuthRequired(SubmissionAccount.password(SENDER, PASSWORD)));
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void withTheOptInQueuedMailGoesAfterARestartWithoutAskingAgain() throws Exception {
        world.keychain = true;
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.submit(MESSAGE, List.of("hanako@plain.test"), SENDER, PASSWORD);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Held), "the hold");

        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.gateway.sendNow(world.gateway.queue().get(0).message().id());
        await(() -> world.upstream.messages().size() == 1, "release with the kept password");
        assertArrayEquals(MESSAGE, world.upstream.messages().get(0).raw());
        assertFalse(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.WaitingForCredentials));
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Finished), "the archive has it");
        assertFalse(dataFolderContains(PASSWORD), "the password is in the key store, never in Hikyaku's files");

        try (OsKeychain keychain = OsKeychain.open("127.0.0.1:" + world.upstream.address().getPort())) {
            assertArrayEquals(PASSWORD.toCharArray(), keychain.recall(SENDER).orElseThrow().secret());
        }
    }

    @Test
    void withoutTheOptInNothingIsKept() throws Exception {
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.submit(MESSAGE, List.of("hanako@plain.test"), SENDER, PASSWORD);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Held), "the hold");
        try (OsKeychain keychain = OsKeychain.open("127.0.0.1:" + world.upstream.address().getPort())) {
            assertTrue(keychain.recall(SENDER).isEmpty());
        }
    }

    @Test
    void whenTheKeyStoreIsMissingTheGatewaySaysSoAndKeepsThePasswordInMemory(SecretServiceWorld secrets)
            throws Exception {
        world.keychain = true;
        System.setProperty(SecretServiceWorld.BUS_PROPERTY, "unix:path=" + folder.resolve("no-bus"));
        try {
            world.start(GatewayWorld.quickRetries(Duration.ZERO));
        } finally {
            System.setProperty(SecretServiceWorld.BUS_PROPERTY, secrets.busAddress());
        }
        assertTrue(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Problem problem
                && problem.what().equals("keychain")));
        world.submit(MESSAGE, List.of("hanako@plain.test"), SENDER, PASSWORD);
        await(() -> world.upstream.messages().size() == 1, "delivery with the password held in memory");
    }

    private boolean dataFolderContains(String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(world.data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException retired) {
                    // A finished message leaves the spool for the archive while the folder is read.
                    continue;
                }
                if (indexOf(content, needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
