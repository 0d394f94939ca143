package dev.twin.junit5;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.har.HarImporter;
import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.verify.ReportText;
import dev.twin.replayer.internal.verify.SessionResult;
import dev.twin.replayer.internal.verify.Verifier;
import dev.twin.replayer.internal.verify.VerifyReport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code twin verify} for a recorded test class: replays the class's recording ({@value RecordingSession#HAR} in the
 * twin directory) against a freshly started twin of that directory and scores how faithfully it answers.
 */
final class Verification {
    private Verification() {
    }

    /** @throws AssertionError naming the score and every divergence when the twin scores below {@code minScore} */
    static VerifyReport check(Path twinDir, Twin twin, double minScore) {
        Path har = twinDir.resolve(RecordingSession.HAR);
        if (!Files.isRegularFile(har)) {
            throw new IllegalStateException("verify: no recording at " + har + "; record first (TWIN_MODE=record)");
        }
        List<Exchange> exchanges = new ArrayList<>();
        HarImporter.read(har, RecordingSession.SESSION, exchanges::add);
        SessionResult session = new Verifier(URI.create(twin.baseUrl()))
                .replay(RecordingSession.SESSION, exchanges.stream());
        VerifyReport report = new VerifyReport(List.of(session), minScore);
        if (!report.passed()) {
            StringWriter text = new StringWriter();
            ReportText.write(report, new PrintWriter(text, true));
            throw new AssertionError("the twin in " + twinDir + " answers its recording below the minimum score "
                    + minScore + ":\n" + text);
        }
        return report;
    }
}
