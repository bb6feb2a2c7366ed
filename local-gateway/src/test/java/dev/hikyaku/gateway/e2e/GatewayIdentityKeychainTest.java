package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.SENDER;
import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.identity.OsPasswordKeeper;
import dev.hikyaku.testworld.secrets.SecretServiceExtension;
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

/** "Remember the password" keeps the identity store's password in the OS key store (a private GNOME Keyring here). */
@ExtendWith(SecretServiceExtension.class)
class GatewayIdentityKeychainTest {
    private static final byte[] MESSAGE = ("From: " + SENDER + "\r\nTo: hanako@plain.test\r\nSubject: kept key\r\n"
            + "\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;
    private GatewayWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new GatewayWorld(folder);
        world.upstream(world.startTls());
    }

    @AfterEach
    void close() throws Exception {
        world.close();
        try (OsPasswordKeeper keeper = OsPasswordKeeper.open()) {
            keeper.discard();
        }
    }

    @Test
    void aRememberedPasswordUnlocksAgainAfterARestartAndSignsQueuedMail() throws Exception {
        GatewaySigningTest.signingSetUp(world, world.ca.smime(SENDER));
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.gateway.unlockIdentities(GatewaySigningTest.STORE_PASSWORD.toCharArray(), true);
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Held), "the hold");

        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        assertTrue(world.gateway.identitiesUnlocked(), "unlocked from the key store at start");
        world.gateway.sendNow(world.gateway.queue().get(0).message().id());
        await(() -> world.upstream.messages().size() == 1, "the queued mail goes signed");
        assertTrue(world.upstream.messages().get(0).text().contains("multipart/signed"));
        assertFalse(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.IdentityLocked));
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Finished), "the archive has it");
        assertFalse(dataFolderContains(GatewaySigningTest.STORE_PASSWORD), "never in Hikyaku's files");
        try (OsPasswordKeeper keeper = OsPasswordKeeper.open()) {
            assertArrayEquals(GatewaySigningTest.STORE_PASSWORD.toCharArray(), keeper.recall().orElseThrow());
        }
    }

    @Test
    void withoutRememberingTheNextStartIsLockedAndAKeptPasswordIsRemoved() throws Exception {
        GatewaySigningTest.signingSetUp(world, world.ca.smime(SENDER));
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.gateway.unlockIdentities(GatewaySigningTest.STORE_PASSWORD.toCharArray(), true);
        world.gateway.unlockIdentities(GatewaySigningTest.STORE_PASSWORD.toCharArray(), false);

        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        assertFalse(world.gateway.identitiesUnlocked());
        try (OsPasswordKeeper keeper = OsPasswordKeeper.open()) {
            assertTrue(keeper.recall().isEmpty(), "unticking 'remember' removes the kept password");
        }
    }

    private boolean dataFolderContains(String secret) throws Exception {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(world.data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (new String(content, StandardCharsets.ISO_8859_1).contains(new String(needle,
                        StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
