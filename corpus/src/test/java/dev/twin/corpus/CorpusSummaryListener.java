package dev.twin.corpus;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Prints, once at the end of the test run, which corpus APIs did not run on this machine and the command that runs
 * them all. Registered through META-INF/services (test resources).
 */
public final class CorpusSummaryListener implements TestExecutionListener {
    static final String RUN_THEM_ALL = "bash .ci/run";

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String line = summary(CorpusAvailability.ran(), CorpusAvailability.notRun());
        if (line != null) {
            System.out.println(line);
        }
    }

    /** The summary line, or null when no corpus test ran at all. */
    static String summary(java.util.Set<String> ran, Map<String, String> notRun) {
        if (!notRun.isEmpty()) {
            return "corpus: not run here: " + notRun.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                    + "; run them all with: " + RUN_THEM_ALL;
        }
        return ran.isEmpty() ? null : "corpus: ran all of " + String.join(", ", new TreeSet<>(ran));
    }
}
