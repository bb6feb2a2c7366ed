package dev.hikyaku.testworld.dns;

import java.io.IOException;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;

/** Sends one question through a resolver and reads the parts of the answer tests look at. */
final class Queries {

    private Queries() {}

    static Message ask(Resolver resolver, String name, int type) throws IOException {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        return resolver.send(query);
    }

    /** The answer-section records of exactly {@code type}, skipping CNAMEs and RRSIGs. */
    static List<Record> records(Message response, int type) {
        return response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }
}
