package dev.twin.inference.operation;

import dev.twin.recorder.Header;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A response header counting the writes the API accepted (etcd's {@code X-Etcd-Index}): on every answer, a number
 * that is always the same start plus the successful writes (2xx answers to POST, PUT, PATCH, DELETE) recorded so
 * far, the answer's own write included. Fed every exchange in recording order; a header that once breaks the rule,
 * or is missing from more than one answer in ten, is not one. Bounded by the number of header names.
 */
public final class WriteCounterHeader {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> NOT_COUNTERS = Set.of("content-length", "age", "retry-after",
            "keep-alive", "x-total-count");
    private static final int MAX_NAMES = 64;
    /** Writes a counter must have counted before it is believed (a number that never moved counts nothing). */
    private static final int MIN_WRITES = 2;

    /**
     * @param header the header's name as recorded
     * @param start  its value before the recording's first write
     */
    public record Found(String header, long start, long answers, long writes) {
        public String evidence() {
            return "header " + header + " counts the writes the API accepted: on all " + answers + " answers it was "
                    + start + " plus the successful writes so far (" + writes + " in the recording); the twin counts"
                    + " each tenant's writes the same way (server.writeCounter)";
        }
    }

    private static final class Candidate {
        final String name;
        final long offset;
        long seen;
        long writesSeen;
        boolean broken;

        Candidate(String name, long offset) {
            this.name = name;
            this.offset = offset;
        }
    }

    private final Map<String, Candidate> candidates = new TreeMap<>();
    private long answers;
    private long writes;

    public void accept(String method, int status, List<Header> headers) {
        answers++;
        boolean write = status >= 200 && status < 300 && WRITES.contains(method);
        if (write) {
            writes++;
        }
        for (Header header : headers) {
            String name = header.name().toLowerCase(Locale.ROOT);
            long value = number(header.value());
            if (value < 0 || NOT_COUNTERS.contains(name) || name.contains("ratelimit") || name.contains("rate-limit")) {
                continue;
            }
            Candidate candidate = candidates.get(name);
            if (candidate == null) {
                if (candidates.size() >= MAX_NAMES) {
                    continue;
                }
                candidate = new Candidate(header.name(), value - writes);
                candidates.put(name, candidate);
            }
            if (value - writes != candidate.offset) {
                candidate.broken = true;
            }
            candidate.seen++;
            if (write) {
                candidate.writesSeen++;
            }
        }
    }

    /** The counter header, when one held on (nearly) every answer and counted some writes. */
    public Optional<Found> result() {
        return candidates.values().stream()
                .filter(c -> !c.broken && c.writesSeen >= MIN_WRITES && c.seen * 10 >= answers * 9)
                .findFirst()
                .map(c -> new Found(c.name, c.offset, c.seen, c.writesSeen));
    }

    /** A plain decimal count (no sign, no leading zero), or -1. */
    private static long number(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }
}
