package dev.hikyaku.gateway.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes SMTP replies, each flushed at once so the client is never left waiting on a buffered answer. */
final class ReplyWriter {
    private final OutputStream out;

    ReplyWriter(OutputStream out) {
        this.out = out;
    }

    /** A one-line reply; the enhanced status code is left out when empty. */
    void send(int code, String enhanced, String text) throws IOException {
        write(code + " " + (enhanced.isEmpty() ? "" : enhanced + " ") + text + "\r\n");
    }

    /** A reply the handler made. */
    void send(Reply reply) throws IOException {
        send(reply.code(), reply.enhanced(), reply.text());
    }

    /** A multi-line reply (EHLO): every line but the last marked with a dash. */
    void sendLines(int code, List<String> lines) throws IOException {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            reply.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
        }
        write(reply.toString());
    }

    private void write(String reply) throws IOException {
        out.write(reply.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
