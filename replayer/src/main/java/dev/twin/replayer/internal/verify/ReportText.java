package dev.twin.replayer.internal.verify;

import java.io.PrintWriter;
import java.util.Locale;

/** The report as {@code twin verify} prints it: the score, a table per operation, then every divergence. */
public final class ReportText {
    private ReportText() {
    }

    public static void write(VerifyReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "score %.4f (min %.4f): %s%n", report.score(), report.minScore(),
                report.passed() ? "PASS" : "FAIL");
        for (SessionResult session : report.sessions()) {
            out.printf(Locale.ROOT, "session %s: %d exchanges compared, %d skipped (no recorded response)%n",
                    session.session(), session.compared().size(), session.skipped());
        }
        if (!report.compared().isEmpty()) {
            StringBuilder sources = new StringBuilder();
            report.answeredBy().forEach((source, count) -> sources.append(sources.length() == 0 ? "" : ", ")
                    .append(source).append(' ').append(count));
            out.println("answered by: " + sources + (report.answeredBy().containsKey("recording")
                    ? " (answers replayed from recordings (replay:) match when the twin replays this very recording)"
                    : ""));
        }
        out.println();
        int width = Math.max("operation".length(), report.byOperation().stream()
                .mapToInt(o -> o.operation().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s  %9s  %11s  %6s%n", "operation", "exchanges", "divergences",
                "score");
        for (VerifyReport.OperationScore operation : report.byOperation()) {
            out.printf(Locale.ROOT, "%-" + width + "s  %9d  %11d  %6.4f%n", operation.operation(),
                    operation.exchanges(), operation.divergences(), operation.score());
        }
        out.println();
        if (report.divergenceCount() == 0) {
            out.println("no divergences");
        } else {
            out.println(report.divergenceCount() + " divergences:");
            for (ExchangeResult result : report.compared()) {
                for (Divergence divergence : result.divergences()) {
                    out.println(result.title() + ": " + divergence.describe());
                }
            }
        }
        out.flush();
    }
}
