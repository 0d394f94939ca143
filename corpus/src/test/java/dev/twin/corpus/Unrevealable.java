package dev.twin.corpus;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An API's {@link CorpusApi#unrevealable()}: keys are a step name (every difference in that step but its status) or
 * a step name and a place in it, {@code "read-session  $.node.ttl"} (only that place), each with why no recording
 * can reveal it.
 */
record Unrevealable(Map<String, String> reasons) {
    Unrevealable {
        reasons = Map.copyOf(reasons);
    }

    /** Why this difference is unrevealable, or null when it is a divergence. A different status never is. */
    String why(String step, String where) {
        if (where.equals("status")) {
            return null;
        }
        for (Map.Entry<String, String> entry : reasons.entrySet()) {
            String[] key = entry.getKey().strip().split("\\s+", 2);
            if (key[0].equals(step) && (key.length == 1 || key[1].strip().equals(where))) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The steps named. */
    Set<String> steps() {
        Set<String> steps = new LinkedHashSet<>();
        reasons.keySet().forEach(key -> steps.add(key.strip().split("\\s+", 2)[0]));
        return steps;
    }
}
