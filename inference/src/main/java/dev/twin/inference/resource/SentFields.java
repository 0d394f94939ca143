package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.WriteSample;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a table's writes did with each field the client sent, judged over every successful write that sent it:
 * kept under its name (the common case), kept under another spelling of the same name (Twilio's {@code To} comes
 * back as {@code to}: a rename), or never answered at all — absent, or {@code null} though a value was sent (the
 * server ignores it, so the twin must not echo it back).
 *
 * @param ignored fields no answer ever held
 * @param renamed sent name → the name the answers held its value under
 * @param split   fields sent as a comma-separated string that every answer held as the list of its parts
 *                ({@code tags: "a,b"} answered {@code ["a", "b"]})
 */
record SentFields(Set<String> ignored, Map<String, String> renamed, Set<String> split) {
    static SentFields of(List<OperationStats> writes, Set<String> skip) {
        TreeMap<String, Integer> sent = new TreeMap<>();
        TreeMap<String, Integer> dropped = new TreeMap<>();
        TreeMap<String, TreeMap<String, Integer>> elsewhere = new TreeMap<>();
        TreeMap<String, Integer> splitAnswers = new TreeMap<>();
        for (OperationStats op : writes) {
            for (WriteSample sample : op.writes()) {
                if (!sample.answer().isObject() || sample.answer().isEmpty()
                        || WriteAcknowledgement.isAcknowledgement(sample, skip)) {
                    continue; // an acknowledgement shows no field of the row, so it says none was ignored
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = sample.input().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String name = field.getKey();
                    JsonNode value = field.getValue();
                    if (skip.contains(name) || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
                        continue;
                    }
                    sent.merge(name, 1, Integer::sum);
                    JsonNode answered = sample.answer().get(name);
                    if (answered != null && !answered.isNull()) {
                        if (isSplit(value, answered)) {
                            splitAnswers.merge(name, 1, Integer::sum);
                        }
                        continue;
                    }
                    String other = sameNameElsewhere(name, value, sample.answer());
                    if (other != null) {
                        elsewhere.computeIfAbsent(name, n -> new TreeMap<>()).merge(other, 1, Integer::sum);
                    } else {
                        dropped.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        Set<String> ignored = new TreeSet<>();
        Map<String, String> renamed = new TreeMap<>();
        Set<String> split = new TreeSet<>();
        sent.forEach((name, count) -> {
            if (splitAnswers.getOrDefault(name, 0).equals(count)) {
                split.add(name);
            }
            if (dropped.getOrDefault(name, 0).equals(count)) {
                ignored.add(name);
            }
            TreeMap<String, Integer> targets = elsewhere.get(name);
            if (targets != null && targets.size() == 1 && targets.firstEntry().getValue().equals(count)) {
                renamed.put(name, targets.firstKey());
            }
        });
        return new SentFields(ignored, renamed, split);
    }

    /** A string sent, answered as the list of its comma-separated parts. */
    private static boolean isSplit(JsonNode sent, JsonNode answered) {
        if (!sent.isTextual() || !answered.isArray()) {
            return false;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String part : sent.textValue().split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        if (parts.size() != answered.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!answered.get(i).isTextual() || !answered.get(i).textValue().equals(parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The answer field spelled like {@code name} ({@code To}/{@code to}, {@code dateSent}/{@code date_sent}). */
    private static String sameNameElsewhere(String name, JsonNode value, JsonNode answer) {
        String wanted = normal(name);
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals(name) && normal(field.getKey()).equals(wanted)
                    && field.getValue().isValueNode() && field.getValue().asText().equals(value.asText())) {
                return field.getKey();
            }
        }
        return null;
    }

    private static String normal(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
