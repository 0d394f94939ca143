package dev.twin.inference.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.twin.inference.operation.WriteSample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Fields a create's answer set from what the client sent, beyond echoing it: a value chosen by whether (or how) the
 * client sent another field ({@code status: input.payment_method == null ? 'requires_payment_method' :
 * 'requires_confirmation'}), or another field's value under a new name. Only fields the client did not send
 * themselves are explained, and only when every recorded create agrees; two outcomes must have been seen.
 */
public final class CreateDerivation {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CreateDerivation() {
    }

    /** What was derived (field → JEXL expression over {@code input}) and what the report should say about it. */
    public record Derived(Map<String, String> expressions, List<String> notes) {
    }

    /** @param skip fields already decided elsewhere (the id, timestamps, constant defaults, generated values) */
    public static Derived derive(List<WriteSample> creates, Set<String> skip) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (creates.size() < 2) {
            return new Derived(out, notes);
        }
        Set<String> fields = new TreeSet<>();
        creates.forEach(c -> c.answer().fieldNames().forEachRemaining(fields::add));
        Set<String> inputs = new TreeSet<>();
        creates.forEach(c -> c.input().fieldNames().forEachRemaining(inputs::add));
        for (String field : fields) {
            if (skip.contains(field) || !IDENTIFIER.matcher(field).matches()) {
                continue;
            }
            List<WriteSample> unsent = creates.stream().filter(c -> !c.input().has(field)).toList();
            if (unsent.size() < 2 || unsent.stream().anyMatch(c -> !c.answer().has(field)
                    || !c.answer().get(field).isValueNode() || generated(c.answer(), c.answer().get(field)))) {
                continue;
            }
            List<String> alternatives = new ArrayList<>();
            String expression = chosenByInput(field, unsent, inputs, alternatives);
            if (expression != null) {
                out.put(field, expression);
                if (!alternatives.isEmpty()) {
                    notes.add("create: '" + field + "' is as well explained by whether the client sent "
                            + alternatives + "; the first was chosen (low confidence: record more creates)");
                }
            }
        }
        return new Derived(out, notes);
    }

    private static String chosenByInput(String field, List<WriteSample> samples, Set<String> inputs,
                                        List<String> alternatives) {
        String best = null;
        Map<JsonNode, JsonNode> bestTable = null;
        for (String key : inputs) {
            if (key.equals(field) || !IDENTIFIER.matcher(key).matches()) {
                continue;
            }
            Map<JsonNode, JsonNode> table = new LinkedHashMap<>();
            boolean function = true;
            for (WriteSample s : samples) {
                JsonNode k = s.input().has(key) ? s.input().get(key) : NullNode.instance;
                if (!k.isValueNode()) {
                    function = false;
                    break;
                }
                // presence decides most often: any sent value is one key unless the values also split the answer
                JsonNode earlier = table.putIfAbsent(k, s.answer().get(field));
                if (earlier != null && !earlier.equals(s.answer().get(field))) {
                    function = false;
                    break;
                }
            }
            if (!function || new LinkedHashSet<>(table.values()).size() < 2) {
                continue;
            }
            Map<JsonNode, JsonNode> presence = byPresence(table);
            // a value seen once per outcome explains nothing (any field that differed would); presence does
            if (presence == null && samples.size() <= table.size()) {
                continue;
            }
            Map<JsonNode, JsonNode> chosen = presence != null ? presence : table;
            if (presence != null && bestTable != null && bestTable.containsKey(NullNode.instance)
                    && bestTable.size() == presence.size()) {
                alternatives.add(key);
                continue;
            }
            boolean bestByPresence = bestTable != null && bestTable.containsKey(NullNode.instance);
            if (bestTable == null || (presence != null && !bestByPresence)
                    || ((presence != null) == bestByPresence && chosen.size() < bestTable.size())) {
                best = key;
                bestTable = chosen;
            }
        }
        if (best == null) {
            return null;
        }
        if (bestTable.containsKey(NullNode.instance)) {
            JsonNode whenSent = bestTable.entrySet().stream().filter(e -> !e.getKey().isNull())
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            return "input." + best + " == null ? " + TransitionInference.literal(bestTable.get(NullNode.instance))
                    + " : " + TransitionInference.literal(whenSent);
        }
        List<Map.Entry<JsonNode, JsonNode>> entries = new ArrayList<>(bestTable.entrySet());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < entries.size() - 1; i++) {
            out.append("input.").append(best).append(" == ").append(TransitionInference.literal(entries.get(i).getKey()))
                    .append(" ? ").append(TransitionInference.literal(entries.get(i).getValue())).append(" : ");
        }
        return out.append(TransitionInference.literal(entries.get(entries.size() - 1).getValue())).toString();
    }

    /** A secret the recorder hid, or a value built on the row's id: made per row, not chosen by the input. */
    private static boolean generated(JsonNode answer, JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        String text = value.textValue();
        JsonNode id = answer.get("id");
        return text.startsWith("redacted:") || (id != null && id.isTextual() && !id.textValue().isEmpty()
                && text.contains(id.textValue()));
    }

    /** {null → a, sent → b} when not sending led to one answer and every sent value to one other; else null. */
    private static Map<JsonNode, JsonNode> byPresence(Map<JsonNode, JsonNode> table) {
        JsonNode whenAbsent = table.get(NullNode.instance);
        Set<JsonNode> whenSent = new LinkedHashSet<>();
        table.forEach((k, v) -> {
            if (!k.isNull()) {
                whenSent.add(v);
            }
        });
        if (whenAbsent == null || whenSent.size() != 1) {
            return null;
        }
        Map<JsonNode, JsonNode> out = new LinkedHashMap<>();
        out.put(NullNode.instance, whenAbsent);
        out.put(TextNode.valueOf("(sent)"), whenSent.iterator().next());
        return out;
    }
}
