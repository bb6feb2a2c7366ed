package dev.hikyaku.gateway.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path folder;

    @Test
    void aCommittedMessageAppearsWholeUnderItsName() throws IOException {
        Spool spool = Spool.open(folder);
        byte[] bytes = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        try (SpoolWriter writer = spool.create("m1")) {
            writer.stream().write(bytes);
            assertFalse(Files.exists(spool.path("m1")), "nothing visible before commit");
            assertEquals(bytes.length, writer.size());
            writer.commit();
        }
        assertTrue(Files.exists(spool.path("m1")));
        assertArrayEquals(bytes, Files.readAllBytes(spool.path("m1")));
        assertEquals(Set.of("m1"), spool.committedIds());
    }

    @Test
    void anAbandonedOrUnfinishedMessageLeavesNothing() throws IOException {
        Spool spool = Spool.open(folder);
        try (SpoolWriter writer = spool.create("m1")) {
            writer.stream().write('x');
            writer.abandon();
        }
        SpoolWriter crashed = spool.create("m2");
        crashed.stream().write(new byte[100_000]);
        assertEquals(1, Spool.open(folder).discardUnfinished(), "a restart removes the half-written file");
        assertTrue(spool.committedIds().isEmpty());
        crashed.abandon();
    }

    @Test
    void idsCannotEscapeTheFolder() throws IOException {
        Spool spool = Spool.open(folder);
        assertThrows(IllegalArgumentException.class, () -> spool.create("../evil"));
        assertThrows(IllegalArgumentException.class, () -> spool.path("a/b"));
    }

    @Test
    void deletingTwiceIsHarmless() throws IOException {
        Spool spool = Spool.open(folder);
        try (SpoolWriter writer = spool.create("m1")) {
            writer.commit();
        }
        spool.delete("m1");
        spool.delete("m1");
        assertFalse(Files.exists(spool.path("m1")));
    }
}
