package dev.twin.corpus;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which corpus APIs this JVM ran and which it could not (with why), for the one summary line
 * {@link CorpusSummaryListener} prints at the end of the test run.
 */
final class CorpusAvailability {
    private static final Map<String, String> NOT_RUN = new ConcurrentSkipListMap<>();
    private static final Map<String, String> RAN = new ConcurrentSkipListMap<>();

    private CorpusAvailability() {
    }

    /** Notes whether the API can run here; null when it can, else why not. */
    static String check(CorpusApi api) {
        String why = api.unavailable();
        if (why == null) {
            RAN.put(api.name(), "");
        } else {
            NOT_RUN.put(api.name(), why);
        }
        return why;
    }

    static Map<String, String> notRun() {
        return Map.copyOf(NOT_RUN);
    }

    static java.util.Set<String> ran() {
        return java.util.Set.copyOf(RAN.keySet());
    }
}
