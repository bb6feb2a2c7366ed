package dev.hikyaku.testworld.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/** Receives DNS datagrams on one socket and answers each on the worker pool. */
final class UdpEndpoint implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final WireResponder responder;
    private final ExecutorService workers;
    private final Thread receiver;

    UdpEndpoint(DatagramSocket socket, WireResponder responder, ExecutorService workers) {
        this.socket = socket;
        this.responder = responder;
        this.workers = workers;
        this.receiver = new Thread(this::receive, "dns-world-udp-" + socket.getLocalPort());
        this.receiver.setDaemon(true);
    }

    void start() {
        receiver.start();
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                // Closing the socket is how close() stops this loop; any other error ends it as well.
                return;
            }
            byte[] request = Arrays.copyOfRange(packet.getData(), 0, packet.getLength());
            SocketAddress client = packet.getSocketAddress();
            try {
                workers.execute(() -> answer(request, client));
            } catch (RejectedExecutionException e) {
                return;
            }
        }
    }

    private void answer(byte[] request, SocketAddress client) {
        responder
                .overUdp(request)
                .ifPresent(
                        response -> {
                            try {
                                socket.send(new DatagramPacket(response, response.length, client));
                            } catch (IOException e) {
                                // The client went away or we are closing; UDP has no one to tell.
                            }
                        });
    }

    @Override
    public void close() {
        socket.close();
    }
}
