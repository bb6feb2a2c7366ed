package dev.hikyaku.testworld.dns;

import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Builds the parts of a response that do not depend on zone data: header, question, OPT. */
final class Responses {

    private Responses() {}

    /** A response to {@code query} with the given rcode and empty answer sections. */
    static Message skeleton(Message query, int rcode) {
        Header q = query.getHeader();
        Message response = new Message(q.getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(q.getOpcode());
        h.setRcode(rcode);
        if (q.getFlag(Flags.RD)) {
            // We behave like a recursive resolver towards the client.
            h.setFlag(Flags.RD);
            h.setFlag(Flags.RA);
        }
        if (q.getFlag(Flags.CD)) {
            h.setFlag(Flags.CD);
        }
        Record question = query.getQuestion();
        if (question != null) {
            response.addRecord(question, Section.QUESTION);
        }
        OPTRecord opt = query.getOPT();
        if (opt != null) {
            // RFC 3225: the DO bit is copied into the response.
            int flags = opt.getFlags() & ExtendedFlags.DO;
            response.addRecord(new OPTRecord(Answerer.SERVER_PAYLOAD, 0, 0, flags), Section.ADDITIONAL);
        }
        return response;
    }

    /** The same response cut down to header, question and OPT, with TC set (RFC 2181 9). */
    static Message truncated(Message query, Message full) {
        Message cut = skeleton(query, full.getHeader().getRcode());
        cut.getHeader().setFlag(Flags.TC);
        if (full.getHeader().getFlag(Flags.AA)) {
            cut.getHeader().setFlag(Flags.AA);
        }
        return cut;
    }

    /** A FORMERR for bytes that are not a DNS message but start with a query header. */
    static Message formatError(int id) {
        Message response = new Message(id);
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(Rcode.FORMERR);
        return response;
    }
}
