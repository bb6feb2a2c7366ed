package dev.hikyaku.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfFileTest {
    @TempDir
    Path folder;

    @Test
    void writingReplacesTheFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path path = folder.resolve("gateway.conf");
        Files.writeString(path, "# old\nlisten.port = 1\n", StandardCharsets.UTF_8);
        ConfFile file = new ConfFile(path);
        file.write(List.of("# kept", "listen.port = 2525", "domains.internal = 社内.example.jp"));
        assertEquals(List.of("# kept", "listen.port = 2525", "domains.internal = 社内.example.jp"), file.lines());
        assertEquals(List.of(path), entries());
    }

    @Test
    void textThatIsNotUtf8IsRefusedAndTheOldFileStays() throws IOException {
        Path path = folder.resolve("gateway.conf");
        Files.writeString(path, "listen.port = 1\n", StandardCharsets.UTF_8);
        ConfFile file = new ConfFile(path);
        assertThrows(IOException.class, () -> file.write(List.of("upstream.host = \uD800")));
        assertEquals("listen.port = 1\n", Files.readString(path, StandardCharsets.UTF_8));
        assertEquals(List.of(path), entries());
    }

    @Test
    void aFailedReplaceRemovesTheTemporaryFile() throws IOException {
        // A folder full of things where the file should be: the final move fails after the write.
        Path path = folder.resolve("gateway.conf");
        Files.createDirectories(path.resolve("inside"));
        ConfFile file = new ConfFile(path);
        assertThrows(IOException.class, () -> file.write(List.of("listen.port = 2525")));
        assertFalse(Files.exists(folder.resolve("gateway.conf.new")));
        assertTrue(Files.isDirectory(path.resolve("inside")));
    }

    @Test
    void noFileReadsAsNoLines() throws IOException {
        ConfFile file = new ConfFile(folder.resolve("gateway.conf"));
        assertFalse(file.exists());
        assertEquals(List.of(), file.lines());
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
