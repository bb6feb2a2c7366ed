package dev.hikyaku.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.secrets.SecretServiceExtension;
import dev.hikyaku.testworld.secrets.SecretServiceWorld;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against a real Secret Service (GNOME Keyring on a private bus), never the user's own key store. */
@ExtendWith(SecretServiceExtension.class)
class OsKeychainTest {
    @Test
    void keptCredentialsComeBackWholeAndGoWhenDiscarded() throws Exception {
        try (OsKeychain keychain = OsKeychain.open("smtp.office.test:587")) {
            keychain.keep(new Credentials(AuthMechanism.PLAIN, "boss@office.test", "taro@office.test",
                    "pa:ss\nword 秘密".toCharArray()));
            Credentials back = keychain.recall("taro@office.test").orElseThrow();
            assertEquals(AuthMechanism.PLAIN, back.mechanism());
            assertEquals("boss@office.test", back.authorizationId());
            assertArrayEquals("pa:ss\nword 秘密".toCharArray(), back.secret());

            keychain.discard("taro@office.test");
            assertEquals(Optional.empty(), keychain.recall("taro@office.test"));
            keychain.discard("taro@office.test");
        }
    }

    @Test
    void aNewerPasswordReplacesTheOlder() throws Exception {
        try (OsKeychain keychain = OsKeychain.open("smtp.office.test:587")) {
            keychain.keep(new Credentials(AuthMechanism.LOGIN, "", "jiro@office.test", "old".toCharArray()));
            keychain.keep(new Credentials(AuthMechanism.LOGIN, "", "jiro@office.test", "new".toCharArray()));
            assertArrayEquals("new".toCharArray(), keychain.recall("jiro@office.test").orElseThrow().secret());
            keychain.discard("jiro@office.test");
        }
    }

    @Test
    void anotherUpstreamNeverGetsThePassword() throws Exception {
        try (OsKeychain first = OsKeychain.open("smtp.office.test:587");
             OsKeychain second = OsKeychain.open("smtp.elsewhere.test:587")) {
            first.keep(new Credentials(AuthMechanism.PLAIN, "", "saburo@office.test", "secret".toCharArray()));
            assertEquals(Optional.empty(), second.recall("saburo@office.test"));
            first.discard("saburo@office.test");
        }
    }

    @Test
    void aVaultWithTheKeychainKeepsWhatWasAcceptedAndDropsWhatTheUpstreamRefused() throws Exception {
        try (OsKeychain keychain = OsKeychain.open("smtp.vault.test:587")) {
            CredentialVault vault = new CredentialVault(Optional.of(keychain), problem -> {
                throw new AssertionError(problem);
            });
            vault.remember(new Credentials(AuthMechanism.PLAIN, "", "shiro@office.test", "pw".toCharArray()));
            vault.clear();
            assertTrue(vault.find("shiro@office.test").isEmpty(), "memory is wiped when the gateway stops");

            CredentialVault restarted = new CredentialVault(Optional.of(keychain), problem -> {
                throw new AssertionError(problem);
            });
            assertEquals(1, restarted.restore(List.of("shiro@office.test", "nobody@office.test")));
            assertArrayEquals("pw".toCharArray(), restarted.find("shiro@office.test").orElseThrow().secret());

            restarted.forget("shiro@office.test");
            assertEquals(Optional.empty(), keychain.recall("shiro@office.test"), "a refused password leaves the store");
        }
    }

    @Test
    void entriesNotWrittenByHikyakuAreIgnored() {
        assertEquals(Optional.empty(), OsKeychain.decode("u", "just a password"));
        assertEquals(Optional.empty(), OsKeychain.decode("u", "hikyaku1:CRAM:AA==:x"));
        assertEquals(Optional.empty(), OsKeychain.decode("u", "hikyaku1:PLAIN:!!:x"));
        assertTrue(OsKeychain.decode("u", OsKeychain.encode(AuthMechanism.XOAUTH2, "", "t".toCharArray())).isPresent());
    }

    @Test
    void withoutASecretServiceTheKeychainIsReportedUnavailable(SecretServiceWorld secrets) {
        System.setProperty(SecretServiceWorld.BUS_PROPERTY, "unix:path=" + secrets.home().resolve("no-bus"));
        try {
            assertThrows(KeeperException.class, () -> OsKeychain.open("smtp.office.test:587"));
        } finally {
            System.setProperty(SecretServiceWorld.BUS_PROPERTY, secrets.busAddress());
        }
    }
}
