package dev.hikyaku.gateway.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hikyaku.gateway.mime.AnalysisLimits;
import dev.hikyaku.gateway.mime.Attachment;
import dev.hikyaku.gateway.mime.MessageAnalyser;
import dev.hikyaku.gateway.packaging.note.NoteTemplates;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseGenerator;
import dev.hikyaku.gateway.packaging.zip.ZipOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * No input makes the packager fail other than with a {@link PackagingException}, and what it writes has no
 * attachment left beside the zip as the gateway's own analyser sees it. Without {@code JAZZER_FUZZ=1} this
 * replays the seeds under {@code MessagePackagerFuzzTestInputs/packsAnyBytes/}.
 */
class MessagePackagerFuzzTest {
    private static final AnalysisLimits SMALL = new AnalysisLimits(6, 40, 4096, 20_000, 25);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final MessagePackager packager = new MessagePackager(NoteTemplates.defaults(),
            new PassphraseGenerator(RANDOM), RANDOM, Clock.systemUTC(), SMALL, ZipOptions.DEFAULT);
    private final MessageAnalyser analyser = new MessageAnalyser(AnalysisLimits.DEFAULT);

    @FuzzTest(maxDuration = "2m")
    void packsAnyBytes(byte[] message) throws IOException {
        Path folder = Files.createTempDirectory("packager-fuzz");
        try {
            Path original = Files.write(folder.resolve("message.eml"), message);
            Path copy = folder.resolve("copy.eml");
            PackagingResult result;
            try {
                result = packager.pack(original, new PackagingAction.PlainZip(),
                        new HeaderTreatment.BccOnly(Set.of("b@example.com")), copy);
            } catch (PackagingException e) {
                assertTrue(Files.notExists(copy));
                return;
            }
            if (result instanceof PackagingResult.Zipped zipped) {
                List<Attachment> left = analyser.analyse(copy).attachments();
                assertEquals(List.of(zipped.zipName()), left.stream().map(Attachment::fileName).toList());
            } else {
                assertEquals(List.of(), analyser.analyse(original).attachments(), "nothing was left to zip");
            }
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }
}
