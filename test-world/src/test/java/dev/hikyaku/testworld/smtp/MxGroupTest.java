package dev.hikyaku.testworld.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several MX hosts on distinct loopback addresses share one port. */
class MxGroupTest {

    @Test
    void serversShareOnePortOnDistinctAddresses() throws Exception {
        try (MxGroup group = MxGroup.start(List.of(MxBehaviour.plain(), MxBehaviour.greet421()))) {
            InetSocketAddress second = new InetSocketAddress(MxGroup.addressOf(1), group.port());
            assertEquals(second, group.server(1).address());

            try (SmtpTestClient client = new SmtpTestClient(new InetSocketAddress("127.0.0.2", group.port()))) {
                assertTrue(client.reply().get(0).startsWith("220 "));
            }
            try (SmtpTestClient client = new SmtpTestClient(second)) {
                assertTrue(client.reply().get(0).startsWith("421 "));
            }
            assertEquals(1, group.server(0).connectionCount());
            assertEquals(1, group.server(1).connectionCount());
        }
    }
}
