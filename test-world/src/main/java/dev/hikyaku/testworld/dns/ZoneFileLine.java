package dev.hikyaku.testworld.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** Reads one record written in zone-file syntax, with names relative to a zone origin. */
final class ZoneFileLine {

    private ZoneFileLine() {}

    static Record parse(String line, Name origin, long defaultTtl) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try (Master master = new Master(new ByteArrayInputStream(bytes), origin, defaultTtl)) {
            master.disableIncludes();
            Record record = master.nextRecord();
            if (record == null) {
                throw new IllegalArgumentException("no record in zone-file line: " + line);
            }
            if (master.nextRecord() != null) {
                throw new IllegalArgumentException("more than one record in zone-file line: " + line);
            }
            return record;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "not a zone-file line (" + e.getMessage() + "): " + line, e);
        }
    }
}
