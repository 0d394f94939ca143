package dev.twin.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The corpus test of one API (a subclass names it): its flow recorded against the real API, inferred with no edits,
 * served, and run again against the twin. Skipped, naming why, when the API cannot run on this machine. The ratchet
 * ({@link KnownDivergences}, {@link VerifyFloor}) keeps the build green while the twin does not yet answer like the
 * real API, and fails it when a divergence appears or one that is listed is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorpusApiTest {
    /** Where each API's comparison, both transcripts and the inferred twin's files go (set by the corpus pom). */
    private static final String REPORTS = System.getProperty("corpus.reports", "target/corpus");

    private CorpusApi api;
    private String unavailable;
    private CorpusResult result;
    private KnownDivergences known;
    private double floor;

    abstract CorpusApi api();

    @BeforeAll
    void recordInferServeAndReplay(@TempDir Path dir) throws Exception {
        api = api();
        unavailable = CorpusAvailability.check(api);
        if (unavailable != null) {
            return;
        }
        known = KnownDivergences.load(api.name());
        floor = VerifyFloor.load(api.name());
        result = CorpusRun.run(api, dir);
        String report = CorpusReport.text(result, api, floor);
        System.out.print(report);
        Path out = Files.createDirectories(Path.of(REPORTS, api.name()));
        Files.writeString(out.resolve("comparison.txt"), report);
        Files.writeString(out.resolve("transcripts.txt"), CorpusReport.transcripts(result));
        try (var files = Files.list(result.twinDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, out.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // twin infer cannot know which steps no recording reveals; the corpus's copy of its report says so
        StringBuilder unrevealable = new StringBuilder("\n## Steps no recording can reveal (corpus)\n\n");
        api.unrevealable().forEach((step, why) -> unrevealable.append("- `").append(step).append("`: ").append(why)
                .append('\n'));
        if (api.unrevealable().isEmpty()) {
            unrevealable.append("None.\n");
        }
        Files.writeString(out.resolve("inference-report.md"), unrevealable.toString(),
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * Each test, not only the class, is reported skipped, with why; unless the whole corpus is required
     * ({@code TWIN_CORPUS_REQUIRED=true}, as .ci/run sets it), where an API that cannot run fails its tests.
     */
    @BeforeEach
    void skipWhenTheApiCannotRunHere() {
        if (unavailable != null && "true".equals(System.getenv("TWIN_CORPUS_REQUIRED"))) {
            org.junit.jupiter.api.Assertions.fail(api.name() + " cannot run, and TWIN_CORPUS_REQUIRED=true: "
                    + unavailable);
        }
        assumeTrue(unavailable == null, () -> api.name() + " not run: " + unavailable);
    }

    @Test
    void givenTheFlowRunAgainstTheTwin_whenComparedWithTheRecordedRun_thenEveryDivergenceIsAKnownOne() {
        List<String> unlisted = known.unlisted(result.comparison().divergences());

        assertEquals(List.of(), unlisted, "divergences not in " + KnownDivergences.file(api.name())
                + " (a twin that answers unlike the real API: find which inference mechanism is at fault):\n"
                + String.join("\n", unlisted));
    }

    @Test
    void givenTheFlowRunAgainstTheTwin_whenComparedWithTheRecordedRun_thenEveryKnownDivergenceStillOccurs() {
        List<String> fixed = known.fixed(result.comparison().divergences());

        assertEquals(List.of(), fixed, "fixed: remove these lines from " + KnownDivergences.file(api.name())
                + ":\n" + String.join("\n", fixed));
    }

    @Test
    void givenTheRecording_whenTheTwinIsVerifiedAgainstIt_thenItScoresAtLeastTheFloor() {
        double score = result.verifyScore();

        assertTrue(score >= floor, String.format("twin verify scored %.4f, below the floor %.2f in %s:%n%s", score,
                floor, VerifyFloor.file(api.name()), String.join("\n", result.verifyDivergences())));
    }

    /** The comparison is only as good as its recording: the flow must have run to its end against the real API. */
    @Test
    void givenTheRealApi_whenTheFlowRanThroughTheRecorder_thenEveryStepWasAnsweredWithoutServerError() {
        List<String> serverErrors = result.recorded().steps().stream().filter(s -> s.status() >= 500)
                .map(Step::toString).toList();

        assertTrue(result.recorded().steps().size() > 0, "the flow took no step");
        assertEquals(List.of(), serverErrors);
    }

    /** The recorded transcript, for subclasses asserting what the real API answered. */
    Step recordedStep(String name) {
        return result.recorded().steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name));
    }
}
