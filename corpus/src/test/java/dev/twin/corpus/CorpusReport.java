package dev.twin.corpus;

import java.util.Map;

/** The text a corpus test prints: the step-by-step comparison, the minted values mapped, and the verify score. */
final class CorpusReport {
    private CorpusReport() {
    }

    static String text(CorpusResult result, CorpusApi api, double floor) {
        TranscriptComparison.Result comparison = result.comparison();
        Unrevealable unrevealable = new Unrevealable(api.unrevealable());
        long equal = comparison.steps().stream().filter(TranscriptComparison.StepOutcome::equal).count();
        StringBuilder text = new StringBuilder();
        text.append(String.format("corpus %s: %d steps, %d equal, %d divergences, %d unrevealable; "
                        + "twin verify score %.4f (floor %.2f)%n", result.api(), comparison.steps().size(), equal,
                comparison.divergences().size(), comparison.unrevealable().size(), result.verifyScore(), floor));
        for (TranscriptComparison.StepOutcome step : comparison.steps()) {
            text.append(String.format("  %s %-28s %-6s %-44s recorded %d, twin %s%n",
                    step.divergences().isEmpty() ? (step.unrevealable().isEmpty() ? "=" : "~") : "x", step.step(),
                    step.method(), step.path(), step.recordedStatus(),
                    step.twinStatus() == null ? "-" : step.twinStatus()));
            step.divergences().forEach(d -> text.append("      ").append(d.describe()).append('\n'));
            step.unrevealable().forEach(d -> text.append("      unrevealable (")
                    .append(unrevealable.why(d)).append("): ").append(d.describe()).append('\n'));
        }
        if (result.twin().failure() != null) {
            text.append("  the flow against the twin stopped: ").append(result.twin().failure()).append('\n');
        }
        if (!comparison.minted().isEmpty()) {
            text.append("  minted values mapped (twin -> recorded): ");
            comparison.minted().forEach((twin, recorded) -> text.append(twin).append(" -> ").append(recorded)
                    .append("; "));
            text.append('\n');
        }
        for (Map.Entry<String, String> step : api.unrevealable().entrySet()) {
            text.append("  unrevealable: ").append(step.getKey()).append(": ").append(step.getValue())
                    .append('\n');
        }
        text.append(String.format("  twin verify: score %.4f over %d exchanges, %d divergences; answered by %s%n",
                result.verifyScore(), result.verify().compared().size(), result.verifyDivergences().size(),
                result.verify().answeredBy()));
        result.verifyDivergences().forEach(d -> text.append("    ").append(d).append('\n'));
        return text.toString();
    }

    /** Both transcripts in full, step by step, for a report file. */
    static String transcripts(CorpusResult result) {
        StringBuilder text = new StringBuilder("# ").append(result.api()).append(": the flow, real API then twin\n");
        for (int i = 0; i < Math.max(result.recorded().steps().size(), result.twin().steps().size()); i++) {
            text.append('\n');
            if (i < result.recorded().steps().size()) {
                text.append("real: ").append(result.recorded().steps().get(i)).append('\n');
            }
            if (i < result.twin().steps().size()) {
                text.append("twin: ").append(result.twin().steps().get(i)).append('\n');
            }
        }
        return text.toString();
    }
}
