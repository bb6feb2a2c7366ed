package dev.hikyaku.gateway.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ListenEndpointsTest {

    @Test
    void defaultListensOnBothLoopbacksOnly() {
        List<InetSocketAddress> addresses = ListenEndpoints.of(List.of(), 10587, false).addresses();
        assertEquals(List.of("127.0.0.1", "0:0:0:0:0:0:0:1"),
                addresses.stream().map(a -> a.getAddress().getHostAddress()).toList());
        assertTrue(addresses.stream().allMatch(a -> a.getPort() == 10587));
    }

    @Test
    void otherLoopbackLiteralsAreAccepted() {
        assertEquals(2, ListenEndpoints.of(List.of("127.0.0.2", "[::1]"), 2525, false).addresses().size());
    }

    @Test
    void nonLoopbackIsRefusedUnlessExplicitlyAllowed() {
        ListenAddressException e = assertThrows(ListenAddressException.class,
                () -> ListenEndpoints.of(List.of("0.0.0.0"), 10587, false));
        assertEquals("listen.notLoopback", e.messageKey());
        assertTrue(e.message(Locale.JAPANESE).contains("ループバックアドレスではありません"));
        assertEquals("0.0.0.0", ListenEndpoints.of(List.of("0.0.0.0"), 10587, true).addresses().get(0).getHostString());
    }

    @Test
    void hostNamesAreRefusedSoDnsCannotChooseWhereWeListen() {
        assertEquals("listen.notLiteral", assertThrows(ListenAddressException.class,
                () -> ListenEndpoints.of(List.of("localhost"), 10587, false)).messageKey());
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertEquals("listen.badPort", assertThrows(ListenAddressException.class,
                () -> ListenEndpoints.loopback(70000)).messageKey());
    }
}
