package dev.hikyaku.testworld.dns;

import java.io.IOException;
import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;

/**
 * Turns the bytes of one request into the bytes of its response, whatever the bytes are: garbage
 * gets FORMERR when it carries a query header and silence otherwise, never an exception.
 */
final class WireResponder {

    /** The UDP limit without EDNS (RFC 1035 4.2.1). */
    static final int CLASSIC_UDP_LIMIT = 512;

    /** The most a two-byte TCP length prefix can announce (RFC 1035 4.2.2). */
    static final int TCP_LIMIT = 65_535;

    private static final int HEADER_LENGTH = 12;

    private final Answerer answerer;

    WireResponder(Answerer answerer) {
        this.answerer = answerer;
    }

    /** The response to a query that came over UDP, truncated to the client's payload size. */
    Optional<byte[]> overUdp(byte[] request) {
        return respond(request, true);
    }

    /** The response to a query that came over TCP, truncated only beyond what a frame can hold. */
    Optional<byte[]> overTcp(byte[] request) {
        return respond(request, false);
    }

    private Optional<byte[]> respond(byte[] request, boolean udp) {
        Message query;
        try {
            query = new Message(request);
        } catch (IOException | RuntimeException e) {
            return formatError(request);
        }
        if (query.getHeader().getFlag(Flags.QR)) {
            // Never answer a response: two servers would ping-pong forever.
            return Optional.empty();
        }
        Reply reply;
        try {
            reply = answerer.answer(query);
        } catch (RuntimeException e) {
            // A query our zone code cannot handle is a server failure, as a real server would report it;
            // the client sees SERVFAIL instead of a timeout that hides the problem.
            reply = new Reply.Answer(Responses.skeleton(query, Rcode.SERVFAIL));
        }
        if (reply instanceof Reply.Answer answer) {
            byte[] wire = answer.message().toWire();
            if (wire.length > (udp ? udpLimit(query) : TCP_LIMIT)) {
                wire = Responses.truncated(query, answer.message()).toWire();
            }
            return Optional.of(wire);
        }
        return Optional.empty();
    }

    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? CLASSIC_UDP_LIMIT : Math.max(CLASSIC_UDP_LIMIT, opt.getPayloadSize());
    }

    private static Optional<byte[]> formatError(byte[] request) {
        boolean isResponse = request.length > 2 && (request[2] & 0x80) != 0;
        if (request.length < HEADER_LENGTH || isResponse) {
            return Optional.empty();
        }
        int id = ((request[0] & 0xff) << 8) | (request[1] & 0xff);
        return Optional.of(Responses.formatError(id).toWire());
    }
}
