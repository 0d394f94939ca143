package dev.twin.corpus;

import dev.twin.replayer.internal.verify.Divergence;
import dev.twin.replayer.internal.verify.VerifyReport;

import java.nio.file.Path;
import java.util.List;

/**
 * One API's round trip: the flow against the real API (through the recorder) and against the inferred twin, how
 * the two compare, and what {@code twin verify} scored.
 *
 * @param recorded        transcript A: the flow against the real API, through the recording proxy
 * @param twin            transcript B: the same flow against the twin inferred from that recording
 * @param comparison      A against B, step by step
 * @param verify          {@code twin verify}'s report of the twin against the recording
 * @param inferenceReport the inference-report.md {@code twin infer} wrote
 * @param twinDir         the directory {@code twin infer} wrote (twin.yaml, openapi.yaml, ...), under the run's dir
 */
public record CorpusResult(String api, Transcript recorded, Transcript twin, TranscriptComparison.Result comparison,
                           VerifyReport verify, String inferenceReport, Path twinDir) {

    public double verifyScore() {
        return verify.score();
    }

    /** Each verify divergence as {@code twin verify} prints it: {@code #12 POST /posts (api.PostPosts): ...}. */
    public List<String> verifyDivergences() {
        return verify.compared().stream()
                .flatMap(e -> e.divergences().stream().map((Divergence d) -> e.title() + ": " + d.describe()))
                .toList();
    }
}
