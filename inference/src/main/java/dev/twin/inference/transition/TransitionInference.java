package dev.twin.inference.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.twin.inference.path.ParamNames;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns an action endpoint's calls into a {@link Transition}. Each field that changed is explained by the first
 * rule that holds for every successful call: set to the value the client sent under its name (or kept when not
 * sent); to one constant; to another field of the row before ({@code amount_received ← amount}); to one of a few
 * constants chosen by a field of the row before ({@code capture_method == 'manual' ? 'requires_capture' :
 * 'succeeded'}); to the server's clock (a number of seconds, or a time written as ISO-8601 or RFC 2822, in the form
 * the answers wrote it). A field no rule explains is reported, not guessed. The precondition is a
 * field of the row before (its status, typically) whose values in the failed calls never occurred in the
 * successful ones.
 */
public final class TransitionInference {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The most members a nested constant may have to be written as a literal: a state object, not a sub-list. */
    private static final int MAX_LITERAL_MEMBERS = 4;
    private static final List<String> STATE_NAMES = List.of("status", "state", "phase", "stage");
    private static final Map<Integer, String> KINDS = Map.of(400, "VALIDATION_ERROR", 409, "CONFLICT",
            422, "VALIDATION_ERROR", 404, "NOT_FOUND");

    private TransitionInference() {
    }

    /** @return the transition, or null when no successful call with a known row-before was recorded */
    public static Transition infer(ActionEvidence evidence, String table, String idField, String componentName) {
        return infer(evidence, table, idField, componentName, Set.of(), true);
    }

    /**
     * @param stamped    fields the table stamps on every write by itself ({@code updatedAt}): not explained
     * @param answersRow whether the operation answers the row after it (else no body)
     * @return the transition, or null when no successful call with a known row-before was recorded
     */
    public static Transition infer(ActionEvidence evidence, String table, String idField, String componentName,
                                   Set<String> stamped, boolean answersRow) {
        List<ActionSample> successes = evidence.samples().stream().filter(ActionSample::succeeded)
                .filter(s -> s.answer() != null && s.answer().isObject()).toList();
        if (successes.isEmpty()) {
            return null;
        }
        String verb = evidence.verb();
        String name = ParamNames.pascal(verb) + componentName;
        List<String> notes = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        Map<String, String> sets = new LinkedHashMap<>();
        Set<String> fields = new TreeSet<>();
        successes.forEach(s -> s.answer().fieldNames().forEachRemaining(fields::add));
        for (String field : fields) {
            if (field.equals(idField) || stamped.contains(field) || !IDENTIFIER.matcher(field).matches()) {
                continue;
            }
            if (successes.stream().allMatch(s -> same(s.answer().get(field), s.before().get(field)))) {
                continue;
            }
            String rule = explain(field, successes, idField);
            if (rule == null) {
                unexplained.add(field);
            } else {
                sets.put(field, rule);
            }
        }
        notes.add(verb + ": " + successes.size() + " successful call" + (successes.size() == 1 ? "" : "s")
                + " with the row known before" + (evidence.unknownBefore() > 0 ? " (" + evidence.unknownBefore()
                + " more whose row was never seen before the call)" : "") + "; sets " + sets
                + (unexplained.isEmpty() ? "" : "; left for a human: " + unexplained + " changed in no way a "
                + "rule explains"));
        if (successes.size() < 2) {
            notes.add(verb + ": one sample only — each constant may really depend on something the recording "
                    + "shows once (low confidence)");
        }
        String precondition = null;
        Transition.Failure failure = null;
        List<ActionSample> failures = evidence.samples().stream().filter(s -> s.status() >= 400 && s.status() < 500)
                .toList();
        String guard = guardField(successes, failures);
        if (guard != null) {
            Set<JsonNode> allowed = new LinkedHashSet<>();
            successes.forEach(s -> allowed.add(s.before().get(guard)));
            List<String> checks = new ArrayList<>();
            allowed.forEach(v -> checks.add("row." + guard + " == " + literal(v)));
            precondition = String.join(" || ", checks);
            failure = failure(failures.get(0), guard);
            notes.add(verb + ": allowed only when " + precondition + " — every failed call (" + failures.size()
                    + ") had another " + guard + ", every successful one one of these");
        } else if (!failures.isEmpty()) {
            notes.add(verb + ": " + failures.size() + " failed call(s) that no field of the row before explains; no "
                    + "precondition inferred (left for a human)");
        }
        return new Transition(name, evidence.op(), table, lastParam(evidence), idField, precondition, failure, sets,
                notes, unexplained, answersRow);
    }

    private static String explain(String field, List<ActionSample> samples, String idField) {
        if (samples.stream().allMatch(s -> s.input().has(field)
                ? same(s.answer().get(field), s.input().get(field))
                : same(s.answer().get(field), s.before().get(field)))
                && samples.stream().anyMatch(s -> s.input().has(field))) {
            return samples.stream().allMatch(s -> s.input().has(field)) ? "input." + field
                    : "input." + field + " ?? row." + field;
        }
        if (samples.stream().allMatch(s -> s.answer().get(field) != null && s.answer().get(field).isIntegralNumber()
                && Math.abs(s.answer().get(field).asLong() - s.epochSecond()) <= 120)) {
            return "request.now";
        }
        String clock = ClockText.expression(field, samples);
        if (clock != null) {
            return clock;
        }
        JsonNode first = samples.get(0).answer().get(field);
        if (first != null && literal(first) != null
                && samples.stream().allMatch(s -> same(s.answer().get(field), first))) {
            return literal(first);
        }
        for (Iterator<String> it = samples.get(0).before().fieldNames(); it.hasNext(); ) {
            String other = it.next();
            if (!other.equals(field) && !other.equals(idField) && IDENTIFIER.matcher(other).matches()
                    && samples.stream().allMatch(s -> s.answer().get(field) != null
                    && !s.answer().get(field).isNull() && same(s.answer().get(field), s.before().get(other)))) {
                return "row." + other;
            }
        }
        String chosen = chosenByRowField(field, samples, idField);
        if (chosen != null) {
            return chosen;
        }
        return null;
    }

    /**
     * {@code row.capture_method == 'manual' ? 'requires_capture' : 'succeeded'}: the value looked up by a field of
     * the row before. Of the fields that would do, a text field with the fewest distinct values wins (an enum-like
     * {@code capture_method} over an {@code amount} that merely differed between the calls).
     */
    private static String chosenByRowField(String field, List<ActionSample> samples, String idField) {
        String best = null;
        Map<JsonNode, JsonNode> bestTable = null;
        for (Iterator<String> it = samples.get(0).before().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equals(field) || key.equals(idField) || !IDENTIFIER.matcher(key).matches()) {
                continue;
            }
            Map<JsonNode, JsonNode> table = lookup(key, field, samples);
            if (table == null || table.size() < 2 || new LinkedHashSet<>(table.values()).size() < 2) {
                continue;
            }
            boolean textual = table.keySet().stream().allMatch(JsonNode::isTextual);
            boolean bestTextual = bestTable != null && bestTable.keySet().stream().allMatch(JsonNode::isTextual);
            if (bestTable == null || (textual && !bestTextual)
                    || (textual == bestTextual && table.size() < bestTable.size())) {
                best = key;
                bestTable = table;
            }
        }
        if (best == null) {
            return null;
        }
        List<Map.Entry<JsonNode, JsonNode>> entries = new ArrayList<>(bestTable.entrySet());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < entries.size() - 1; i++) {
            out.append("row.").append(best).append(" == ").append(literal(entries.get(i).getKey()))
                    .append(" ? ").append(literal(entries.get(i).getValue())).append(" : ");
        }
        return out.append(literal(entries.get(entries.size() - 1).getValue())).toString();
    }

    /** key's value before → field's value after, when that is a function over every sample; else null. */
    private static Map<JsonNode, JsonNode> lookup(String key, String field, List<ActionSample> samples) {
        Map<JsonNode, JsonNode> table = new LinkedHashMap<>();
        for (ActionSample s : samples) {
            JsonNode k = s.before().get(key);
            JsonNode v = s.answer().get(field);
            if (k == null || !k.isValueNode() || v == null || !v.isValueNode()) {
                return null;
            }
            JsonNode earlier = table.putIfAbsent(k, v);
            if (earlier != null && !earlier.equals(v)) {
                return null;
            }
        }
        return table;
    }

    /** A field of the row before whose failed-call values never occur among the successful calls' values. */
    private static String guardField(List<ActionSample> successes, List<ActionSample> failures) {
        if (failures.isEmpty()) {
            return null;
        }
        List<String> candidates = new ArrayList<>(STATE_NAMES);
        successes.get(0).before().fieldNames().forEachRemaining(f -> {
            if (!candidates.contains(f)) {
                candidates.add(f);
            }
        });
        for (String field : candidates) {
            if (!IDENTIFIER.matcher(field).matches()) {
                continue;
            }
            Set<JsonNode> allowed = new LinkedHashSet<>();
            boolean scalar = true;
            for (ActionSample s : successes) {
                JsonNode v = s.before().get(field);
                scalar &= v != null && v.isValueNode() && !v.isNull();
                allowed.add(v);
            }
            if (scalar && allowed.size() <= 5 && failures.stream().allMatch(f -> f.before().get(field) != null
                    && !allowed.contains(f.before().get(field)))) {
                return field;
            }
        }
        return null;
    }

    private static Transition.Failure failure(ActionSample failed, String guard) {
        String kind = KINDS.getOrDefault(failed.status(), "VALIDATION_ERROR");
        JsonNode body = failed.answer() == null ? null : failed.answer();
        JsonNode inner = body != null && body.size() == 1 && body.elements().next().isObject()
                ? body.elements().next() : body;
        String code = inner != null && inner.path("code").isTextual() ? inner.path("code").asText() : null;
        String message = inner != null && inner.path("message").isTextual() ? inner.path("message").asText() : null;
        String expression = null;
        if (message != null) {
            JsonNode value = failed.before().get(guard);
            String text = value == null ? null : value.asText();
            // the state the failed call met, named in the message, becomes the row's state at run time
            expression = text != null && !text.isEmpty() && message.contains(text)
                    ? String.join(" + row." + guard + " + ", quotedParts(message, text))
                    : literal(JsonNodeFactory.instance.textNode(message));
        }
        return new Transition.Failure(kind, code, expression);
    }

    private static List<String> quotedParts(String message, String value) {
        List<String> parts = new ArrayList<>();
        for (String part : message.split(Pattern.quote(value), -1)) {
            parts.add(literal(JsonNodeFactory.instance.textNode(part)));
        }
        return parts;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || a.isNull()) {
            return b == null || b.isNull();
        }
        return a.equals(b) || (b != null && a.isNumber() && b.isNumber()
                && a.decimalValue().compareTo(b.decimalValue()) == 0);
    }

    /** A JSON value as a JEXL literal: {@code 'text'}, {@code 12}, {@code true}, {@code null}, {@code {:}}. */
    static String literal(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "'" + value.asText().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value.isObject() && value.isEmpty()) {
            return "{:}";
        }
        if (value.isArray() && value.isEmpty()) {
            return "[]";
        }
        if (value.isContainerNode()) {
            return smallContainer(value);
        }
        return value.asText();
    }

    /**
     * A small object or array of constants as a JEXL literal ({@code {'state' : 'expired'}}); null for one too large
     * to be a constant the server sets (a nested list of rows, say) or holding a value with no literal.
     */
    private static String smallContainer(JsonNode value) {
        if (value.size() > MAX_LITERAL_MEMBERS) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String inner = member.getValue().isContainerNode() ? null : literal(member.getValue());
            if (inner == null) {
                return null;
            }
            parts.add(literal(JsonNodeFactory.instance.textNode(member.getKey())) + " : " + inner);
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                String inner = element.isContainerNode() ? null : literal(element);
                if (inner == null) {
                    return null;
                }
                parts.add(inner);
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String lastParam(ActionEvidence evidence) {
        List<String> params = evidence.op().path().params();
        return params.get(params.size() - 1);
    }

}
