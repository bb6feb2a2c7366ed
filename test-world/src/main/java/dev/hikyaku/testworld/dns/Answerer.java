package dev.hikyaku.testworld.dns;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers a parsed query from the served zones the way a recursive resolver answers its client:
 * CNAME chains followed across zones, negative answers with the SOA, and with the DO bit the
 * RRSIGs and NSEC proofs a validator needs. Names under no served zone are REFUSED.
 */
final class Answerer {

    /** EDNS payload size this server advertises (the DNS flag day 2020 value). */
    static final int SERVER_PAYLOAD = 1232;

    private static final int MAX_CHAIN = 8;

    private static final Name WILDCARD = Name.fromConstantString("*");

    private final ZoneRegistry zones;

    Answerer(ZoneRegistry zones) {
        this.zones = zones;
    }

    Reply answer(Message query) {
        Record question = query.getQuestion();
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            return new Reply.Answer(Responses.skeleton(query, Rcode.NOTIMP));
        }
        if (question == null || query.getSection(Section.QUESTION).size() != 1) {
            return new Reply.Answer(Responses.skeleton(query, Rcode.FORMERR));
        }
        int qtype = question.getType();
        if (question.getDClass() != DClass.IN || qtype == Type.AXFR || qtype == Type.IXFR) {
            return new Reply.Answer(Responses.skeleton(query, Rcode.REFUSED));
        }
        OPTRecord opt = query.getOPT();
        boolean dnssecOk = opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
        return new Chase(query, qtype, dnssecOk).run();
    }

    /** One query's walk along the CNAME chain, filling the response as it goes. */
    private final class Chase {
        private final Message query;
        private final int qtype;
        private final boolean dnssecOk;
        private final Message response;

        Chase(Message query, int qtype, boolean dnssecOk) {
            this.query = query;
            this.qtype = qtype;
            this.dnssecOk = dnssecOk;
            this.response = Responses.skeleton(query, Rcode.NOERROR);
        }

        Reply run() {
            Name name = query.getQuestion().getName();
            Set<Name> visited = new HashSet<>();
            while (visited.add(name)) {
                Optional<Zone> responsible = zones.responsibleFor(name);
                if (responsible.isEmpty()) {
                    // The first name is nobody's business here; a later one would need the real internet,
                    // so the chain found so far is what this world can tell.
                    return visited.size() == 1
                            ? new Reply.Answer(Responses.skeleton(query, Rcode.REFUSED))
                            : new Reply.Answer(response);
                }
                Zone zone = responsible.get();
                Optional<Fault> fault = zone.faults().exchangeFault(name, qtype);
                if (fault.isPresent()) {
                    return fault.get() == Fault.DROP
                            ? new Reply.Silence()
                            : new Reply.Answer(Responses.skeleton(query, Rcode.SERVFAIL));
                }
                ZoneSnapshot snapshot = zone.snapshot();
                Map<Integer, RRset> node = snapshot.node(name);
                response.getHeader().setFlag(Flags.AA);
                if (node.isEmpty()) {
                    if (snapshot.exists(name)) {
                        deny(zone, snapshot, snapshot.coveringNsec(name));
                    } else {
                        nameError(zone, snapshot, name);
                    }
                    return new Reply.Answer(response);
                }
                if (qtype == Type.ANY) {
                    node.values().forEach(rrset -> add(Section.ANSWER, rrset, zone, snapshot));
                    return new Reply.Answer(response);
                }
                RRset wanted = node.get(qtype);
                if (wanted != null) {
                    add(Section.ANSWER, wanted, zone, snapshot);
                    return new Reply.Answer(response);
                }
                RRset cname = node.get(Type.CNAME);
                if (cname == null) {
                    deny(zone, snapshot, node.get(Type.NSEC));
                    return new Reply.Answer(response);
                }
                add(Section.ANSWER, cname, zone, snapshot);
                if (visited.size() > MAX_CHAIN) {
                    break;
                }
                name = ((CNAMERecord) cname.first()).getTarget();
            }
            // A loop or an overlong chain: a recursive resolver gives up the same way.
            return new Reply.Answer(Responses.skeleton(query, Rcode.SERVFAIL));
        }

        /** NODATA: the SOA, and with DNSSEC the NSEC showing the type (or the name) is absent. */
        private void deny(Zone zone, ZoneSnapshot snapshot, RRset nsec) {
            add(Section.AUTHORITY, snapshot.soa(), zone, snapshot);
            if (nsec != null) {
                addProof(nsec, zone, snapshot);
            }
        }

        /** NXDOMAIN with RFC 4035 3.1.3.2 proof: no such name, and no wildcard that could match. */
        private void nameError(Zone zone, ZoneSnapshot snapshot, Name name) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            add(Section.AUTHORITY, snapshot.soa(), zone, snapshot);
            if (snapshot.signed()) {
                RRset noName = snapshot.coveringNsec(name);
                addProof(noName, zone, snapshot);
                RRset noWildcard = snapshot.coveringNsec(wildcardUnder(snapshot.closestEncloser(name)));
                if (!noWildcard.getName().equals(noName.getName())) {
                    addProof(noWildcard, zone, snapshot);
                }
            }
        }

        private static Name wildcardUnder(Name closestEncloser) {
            try {
                return Name.concatenate(WILDCARD, closestEncloser);
            } catch (NameTooLongException e) {
                // The missing name is at least one label longer than its closest encloser.
                throw new IllegalStateException("no room for a wildcard under " + closestEncloser, e);
            }
        }

        private void addProof(RRset nsec, Zone zone, ZoneSnapshot snapshot) {
            if (dnssecOk && snapshot.signed()) {
                add(Section.AUTHORITY, nsec, zone, snapshot);
            }
        }

        private void add(int section, RRset rrset, Zone zone, ZoneSnapshot snapshot) {
            for (Record record : rrset.rrs(false)) {
                response.addRecord(record, section);
            }
            if (!dnssecOk || !snapshot.signed()) {
                return;
            }
            Optional<Fault> spoiled = zone.faults().signatureFault(rrset.getName(), rrset.getType());
            for (RRSIGRecord sig : rrset.sigs()) {
                response.addRecord(
                        spoiled.isPresent()
                                ? SignatureSpoiler.spoil(
                                        spoiled.get(), sig, rrset, snapshot.key().orElseThrow(),
                                        zone.clock().instant())
                                : sig,
                        section);
            }
        }
    }
}
