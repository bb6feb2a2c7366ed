package dev.hikyaku.testworld.dns;

import org.xbill.DNS.Name;

/** Which queries, or which RRsets, a fault switch applies to. */
sealed interface FaultScope {

    /** Whether the RRset (or the query) for {@code name} and {@code type} falls under this scope. */
    boolean covers(Name name, int type);

    /** Everything in the zone. */
    record WholeZone() implements FaultScope {
        @Override
        public boolean covers(Name name, int type) {
            return true;
        }
    }

    /** Every type at one owner name. */
    record OneName(Name name) implements FaultScope {
        @Override
        public boolean covers(Name other, int type) {
            return name.equals(other);
        }
    }

    /** One RRset: an owner name and a type. */
    record OneRRset(Name name, int type) implements FaultScope {
        @Override
        public boolean covers(Name other, int otherType) {
            return name.equals(other) && type == otherType;
        }
    }
}
