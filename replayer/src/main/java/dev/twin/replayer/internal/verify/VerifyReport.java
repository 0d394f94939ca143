package dev.twin.replayer.internal.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of {@code twin verify} and how it is scored. An exchange scores 0 when the twin answers another
 * status or no operation at all, else the fraction of its compared facets that are equal (status, headers that
 * matter, JSON leaves); an operation scores the mean of its exchanges; the overall score is the mean over all
 * compared exchanges. Skipped exchanges (no recorded response) do not count.
 *
 * @param minScore the score the twin must reach to pass
 */
public record VerifyReport(List<SessionResult> sessions, double minScore) {
    /** What exchanges that routed to no twin operation are listed under. */
    public static final String NO_OPERATION = "(no operation)";

    public record OperationScore(String operation, int exchanges, double score, int divergences) {
    }

    public VerifyReport {
        sessions = List.copyOf(sessions);
    }

    public List<ExchangeResult> compared() {
        List<ExchangeResult> all = new ArrayList<>();
        sessions.forEach(s -> all.addAll(s.compared()));
        return all;
    }

    public int skipped() {
        return sessions.stream().mapToInt(SessionResult::skipped).sum();
    }

    /** Mean exchange score; 0 when nothing was compared. */
    public double score() {
        return compared().stream().mapToDouble(ExchangeResult::score).average().orElse(0.0);
    }

    public boolean passed() {
        return !compared().isEmpty() && score() >= minScore;
    }

    /** Per operation id, alphabetical; {@link #NO_OPERATION} for requests no operation answered. */
    public List<OperationScore> byOperation() {
        Map<String, List<ExchangeResult>> grouped = new TreeMap<>();
        for (ExchangeResult result : compared()) {
            grouped.computeIfAbsent(result.operation() == null ? NO_OPERATION : result.operation(),
                    k -> new ArrayList<>()).add(result);
        }
        List<OperationScore> scores = new ArrayList<>();
        grouped.forEach((operation, results) -> scores.add(new OperationScore(operation, results.size(),
                results.stream().mapToDouble(ExchangeResult::score).average().orElse(0.0),
                results.stream().mapToInt(r -> r.divergences().size()).sum())));
        return scores;
    }

    public int divergenceCount() {
        return compared().stream().mapToInt(r -> r.divergences().size()).sum();
    }

    /** How many compared exchanges each source answered ({@code table}, {@code recording}, …), most first. */
    public java.util.Map<String, Long> answeredBy() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        compared().forEach(r -> counts.merge(r.source() == null ? "unknown" : r.source(), 1L, Long::sum));
        java.util.Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
