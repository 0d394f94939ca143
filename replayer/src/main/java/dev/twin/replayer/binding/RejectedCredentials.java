package dev.twin.replayer.binding;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code credentials.reject} pattern with the verdicts on the credentials seen lately, so that a request does
 * not run the regex again for the key every earlier request carried. Bounded: when full it forgets every verdict
 * and starts over (clients use a handful of keys; a flood of new ones only costs the matching again).
 */
final class RejectedCredentials {
    static final int DEFAULT_CAPACITY = 1024;

    private final Pattern pattern;
    private final int capacity;
    private final ConcurrentHashMap<String, Boolean> verdicts = new ConcurrentHashMap<>();

    RejectedCredentials(Pattern pattern, int capacity) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Whether the whole credential matches the pattern. */
    boolean rejects(String credential) {
        Boolean verdict = verdicts.get(credential);
        if (verdict == null) {
            verdict = pattern.matcher(credential).matches();
            if (verdicts.size() >= capacity) {
                verdicts.clear();
            }
            verdicts.put(credential, verdict);
        }
        return verdict;
    }

    /** How many verdicts are remembered (at most the capacity, give or take concurrent callers). */
    int size() {
        return verdicts.size();
    }
}
