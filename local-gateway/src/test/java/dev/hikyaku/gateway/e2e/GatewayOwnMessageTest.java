package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.SENDER;
import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import dev.hikyaku.testworld.smtp.SubmissionAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message the app composes itself (an ACME challenge response) takes the same path as a client's submission. */
class GatewayOwnMessageTest {
    private static final String CA = "acme-challenge@plain.test";
    private static final byte[] RESPONSE = ("From: <" + SENDER + ">\r\n"
            + "To: <" + CA + ">\r\n"
            + "Subject: Re: ACME: token-part-one\r\n"
            + "Message-ID: <0123@office.test>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=US-ASCII\r\n"
            + "\r\n"
            + "-----BEGIN ACME RESPONSE-----\r\n"
            + "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0\r\n"
            + "-----END ACME RESPONSE-----\r\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;
    private GatewayWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new GatewayWorld(folder);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void itWaitsForThePasswordThenLeavesThroughTheUpstreamAndIsArchived() throws Exception {
        world.upstream(world.startTls().withAuthRequired(SubmissionAccount.password(SENDER, "right")));
        world.start(GatewayWorld.quickRetries(Duration.ZERO));

        String id = world.gateway.submitOwn(SENDER, List.of(CA), RESPONSE);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.WaitingForCredentials waiting
                && waiting.user().equals(SENDER)), "the wait for the upstream password");
        assertTrue(world.upstream.messages().isEmpty(), "nothing leaves without the user's credentials");
        assertTrue(world.gateway.plan(id).isPresent(), "planned under the guards like a client's mail");

        assertTrue(world.gateway.enterCredentials(new Credentials(AuthMechanism.PLAIN, "", SENDER,
                "right".toCharArray())) instanceof AuthOutcome.Accepted);
        await(() -> world.upstream.messages().size() == 1, "the response at the upstream");
        ReceivedMessage received = world.upstream.messages().get(0);
        assertArrayEquals(RESPONSE, received.raw());
        assertEquals(SENDER, received.envelopeFrom());
        assertEquals(List.of(CA), received.recipients());
        assertTrue(world.upstream.sessions().stream().anyMatch(session -> session.authenticatedUser().isPresent()));
        await(() -> archived(id), "the response in the archive");
        await(() -> world.gateway.queue().isEmpty(), "the queue to empty");
    }

    @Test
    void hostileAddressesAndSizesAreRefusedBeforeAnythingIsQueued() throws Exception {
        world.upstream(world.startTls());
        world.start(GatewayWorld.quickRetries(Duration.ZERO));

        assertThrows(IllegalArgumentException.class, () -> world.gateway.submitOwn(SENDER, List.of(), RESPONSE));
        assertThrows(IllegalArgumentException.class, () -> world.gateway.submitOwn(SENDER,
                List.of("a@plain.test>\r\nRCPT TO:<b@plain.test"), RESPONSE));
        assertThrows(IllegalArgumentException.class, () -> world.gateway.submitOwn("no-at-sign", List.of(CA), RESPONSE));
        assertThrows(IllegalArgumentException.class, () -> world.gateway.submitOwn(SENDER,
                Collections.nCopies(101, CA), RESPONSE));
        assertThrows(IllegalArgumentException.class, () -> world.gateway.submitOwn(SENDER, List.of(CA),
                new byte[10 * 1024 * 1024 + 1]));
        assertTrue(world.gateway.queue().isEmpty());

        world.gateway.submitOwn(SENDER, List.of(CA), RESPONSE);
        await(() -> world.upstream.messages().size() == 1, "the response without AUTH where none is asked");
        assertArrayEquals(RESPONSE, world.upstream.messages().get(0).raw());
    }

    private boolean archived(String id) {
        try {
            return world.gateway.archive().find(id).isPresent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
