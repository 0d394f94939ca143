package dev.twin.corpus;

import dev.twin.recorder.redact.Redactor;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API's {@link CorpusApi#unrevealable()}: keys are a step name (every difference in that step but its status) or
 * a step name and a place in it, {@code "read-session  $.node.ttl"} (only that place), each with why no recording
 * can reveal it.
 */
record Unrevealable(Map<String, String> reasons) {
    Unrevealable {
        reasons = Map.copyOf(reasons);
    }

    private static final Redactor RECORDER = Redactor.defaults();
    private static final Pattern LAST_MEMBER = Pattern.compile("(?:\\.([A-Za-z0-9_$-]+)|\\['([^']+)'])$");

    /**
     * Why this difference is unrevealable, or null when it is a divergence: the API's reasons, and for every API a
     * secret both sides hold (a field the recorder fingerprints by its name, such as {@code client_secret}): the
     * recording keeps only its fingerprint, so its value is not revealed; whether it is there still counts.
     */
    String why(StepDivergence divergence) {
        String why = why(divergence.step(), divergence.where());
        if (why != null || divergence.recorded() == null || divergence.twin() == null
                || !divergence.recorded().startsWith("\"") || !divergence.twin().startsWith("\"")) {
            return why;
        }
        Matcher member = LAST_MEMBER.matcher(divergence.where());
        String field = !member.find() ? null : member.group(1) != null ? member.group(1) : member.group(2);
        return field != null && RECORDER.namesSecretField(field)
                ? "a secret the recorder keeps only a fingerprint of: no recording reveals its value" : null;
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
