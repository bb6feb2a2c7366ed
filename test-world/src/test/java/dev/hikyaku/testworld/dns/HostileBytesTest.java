package dev.hikyaku.testworld.dns;

import static dev.hikyaku.testworld.dns.Queries.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Bytes no honest client sends: the server answers FORMERR or nothing, and keeps serving. */
class HostileBytesTest {

    /** A query header (id 0x1234, RD, one question) followed by a cut-off question. */
    private static final byte[] CUT_OFF_QUERY = {
        0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 'a', 'b'
    };

    /** Generous bound for a loopback round trip; only a broken server comes near it. */
    private static final int SAFETY_MILLIS = 5_000;

    private DnsWorld world;

    @BeforeEach
    void startWorld() {
        world = DnsWorld.start();
        world.zone("example.test").add("mx1 IN A 127.0.0.2");
    }

    @AfterEach
    void stopWorld() throws IOException {
        world.close();
    }

    @Test
    void garbageDatagramsGetFormerrOrSilenceAndServingGoesOn() throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(world.address());
            socket.send(new DatagramPacket(new byte[] {1, 2, 3}, 3));
            socket.send(new DatagramPacket(CUT_OFF_QUERY, CUT_OFF_QUERY.length));

            Message formerr = receive(socket);
            assertEquals(0x1234, formerr.getHeader().getID());
            assertEquals(Rcode.FORMERR, formerr.getRcode());
            socket.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, () -> receive(socket), "3 bytes get silence");
        }

        assertEquals(Rcode.NOERROR, ask(world.resolver(), "mx1.example.test.", Type.A).getRcode());
    }

    @Test
    void aCutOffTcpFrameEndsOnlyThatConnection() throws IOException {
        try (Socket socket = new Socket(world.address().getAddress(), world.port());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            out.writeShort(300);
            out.write(CUT_OFF_QUERY);
            out.flush();
        }

        SimpleResolver resolver = world.resolver();
        resolver.setTCP(true);
        assertEquals(Rcode.NOERROR, ask(resolver, "mx1.example.test.", Type.A).getRcode());
    }

    @Test
    void aMalformedTcpFrameGetsFormerrOnTheSameConnection() throws IOException {
        try (Socket socket = new Socket(world.address().getAddress(), world.port());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                DataInputStream in = new DataInputStream(socket.getInputStream())) {
            socket.setSoTimeout(SAFETY_MILLIS);
            out.writeShort(CUT_OFF_QUERY.length);
            out.write(CUT_OFF_QUERY);
            out.flush();

            byte[] response = new byte[in.readUnsignedShort()];
            in.readFully(response);
            assertEquals(Rcode.FORMERR, new Message(response).getRcode());
        }
    }

    private static Message receive(DatagramSocket socket) throws IOException {
        if (socket.getSoTimeout() == 0) {
            socket.setSoTimeout(SAFETY_MILLIS);
        }
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new Message(Arrays.copyOf(buffer, packet.getLength()));
    }
}
