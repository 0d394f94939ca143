package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.CreateRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Sent values a create answered replaced by a value the server minted ({@code create.replace}): a client sends a
 * stand-in ({@code payment_method: pm_card_visa}, {@code token: test-token}) and the row holds a new id of the
 * server's own shape, a different one at each create.
 *
 * <p>The evidence, from every successful create in recording order: each create that sent the field a text that was
 * no row's id at the time was answered a different, minted-looking ({@link MintedLook}) text, all of one prefix,
 * length and alphabet, a new one each time; no create kept a sent value of another shape. One such create is enough
 * only when that shape is the shape of a table's ids (the API's own id generator); else two are needed. A sent
 * value of the minted shape, or the id of a live row of the table of that shape, is kept by the twin.
 */
public final class ReplacedValues {
    private static final int MAX_SAMPLES = 64;

    private final List<Resource> resources;
    private final BiFunction<String, String, JsonNode> latestRow;
    /** Per resource, per field: the answered values of creates that replaced a stand-in. */
    private final Map<Resource, Map<String, List<String>>> minted = new HashMap<>();
    /** Per resource, per field: sent values the answer kept, and whether any was broken evidence. */
    private final Map<Resource, Map<String, List<String>>> kept = new HashMap<>();
    private final Map<Resource, Set<String>> broken = new HashMap<>();

    /** @param latestRow the row of a table (by name) as last seen under an id, or null */
    public ReplacedValues(List<Resource> resources, BiFunction<String, String, JsonNode> latestRow) {
        this.resources = resources;
        this.latestRow = latestRow;
    }

    /** A successful create: what was sent, and the row it answered. */
    public void created(Resource resource, JsonNode sent, JsonNode answer) {
        if (sent == null || !sent.isObject() || answer == null || !answer.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode answered = answer.get(name);
            if (name.equals(resource.idField()) || !value.isTextual() || value.textValue().isEmpty()
                    || answered == null || !answered.isTextual()) {
                continue;
            }
            if (answered.textValue().equals(value.textValue())) {
                add(kept, resource, name, value.textValue());
            } else if (MintedLook.of(answered.textValue()) && !MintedLook.of(value.textValue())
                    && !knownRow(value.textValue())) {
                add(minted, resource, name, answered.textValue());
            } else {
                broken.computeIfAbsent(resource, r -> new HashSet<>()).add(name);
            }
        }
    }

    private boolean knownRow(String id) {
        return resources.stream().anyMatch(r -> latestRow.apply(r.table(), id) != null);
    }

    private static void add(Map<Resource, Map<String, List<String>>> into, Resource resource, String field,
                            String value) {
        List<String> values = into.computeIfAbsent(resource, r -> new TreeMap<>())
                .computeIfAbsent(field, f -> new ArrayList<>());
        if (values.size() < MAX_SAMPLES) {
            values.add(value);
        }
    }

    /** Writes {@code create.replace} into each resource whose evidence holds, with its evidence. */
    public void settle() {
        broken.forEach((resource, fields) -> fields.stream().sorted()
                .filter(f -> !minted.getOrDefault(resource, Map.of()).containsKey(f))
                .forEach(f -> resource.evidence.add("create: '" + f + "' was answered with a value other than the "
                        + "one sent, but is not written as replaced: the answer did not look minted (normalised or "
                        + "computed from the value sent? left for a human)")));
        minted.forEach((resource, byField) -> {
            CreateRules rule = resource.create;
            if (rule == null || rule.acknowledges()) {
                return; // an acknowledged create shows nothing of the row it stored
            }
            Map<String, CreateRule.Replace> replace = new LinkedHashMap<>();
            byField.forEach((field, answers) -> {
                String why = rejected(resource, field, answers);
                if (why != null) {
                    resource.evidence.add("create: '" + field + "' was answered with a value other than the one sent, "
                            + "but is not written as replaced: " + why);
                    return;
                }
                IdShape shape = IdShape.of(answers);
                Resource owner = resources.stream().filter(r -> sameShape(r.idShape(), shape)).findFirst()
                        .orElse(null);
                replace.put(field, new CreateRule.Replace(shape.prefix() + "{{random " + shape.length()
                        + (shape.alphabet().equals("base62") ? "" : " \"" + shape.alphabet() + "\"") + "}}",
                        Pattern.compile(keepPattern(shape)), owner != null && !owner.idShape().prefix().isEmpty() ? owner.table()
                        : null));
                resource.evidence.add("create: '" + field + "' sent as a stand-in (no row's id) was answered as a new "
                        + "'" + shape.prefix() + "' + " + shape.length() + " " + shape.alphabet() + " value each time ("
                        + answers.size() + " create" + (answers.size() == 1 ? "" : "s")
                        + (answers.size() == 1 ? "; one sample, taken because the shape is the API's id shape — low "
                        + "confidence: record more creates" : "") + "): the twin mints one, and keeps a sent value of "
                        + "that shape" + (owner != null ? " or a live " + owner.table() + " id" : ""));
            });
            rule.replace.putAll(replace);
        });
    }

    /** Why the evidence does not hold, or null when it does. */
    private String rejected(Resource resource, String field, List<String> answers) {
        if (broken.getOrDefault(resource, Set.of()).contains(field)) {
            return "another create answered a sent value changed into one that does not look minted";
        }
        if (new HashSet<>(answers).size() != answers.size()) {
            return "two creates were answered the same value (not a new one each time)";
        }
        IdShape shape = IdShape.of(answers);
        if (!shape.strategy().equals("prefix") || shape.length() < 8
                || answers.stream().anyMatch(a -> a.length() != shape.prefix().length() + shape.length())) {
            return "the answered values share no prefix-and-length shape (" + shape.evidence() + ")";
        }
        String keep = keepPattern(shape);
        List<String> keptOther = kept.getOrDefault(resource, Map.of()).getOrDefault(field, List.of()).stream()
                .filter(v -> !v.matches(keep) && !knownRow(v)).toList();
        if (!keptOther.isEmpty()) {
            return "other creates kept sent values of another shape " + keptOther.subList(0, 1);
        }
        boolean idShaped = resources.stream().anyMatch(r -> r.idShape().strategy().equals("prefix")
                && r.idShape().length() == shape.length() && r.idShape().alphabet().equals(shape.alphabet()));
        if (answers.size() < 2 && !idShaped) {
            return "one sample, of a shape no table's ids have (record more creates)";
        }
        return null;
    }

    private static boolean sameShape(IdShape table, IdShape minted) {
        return table.strategy().equals("prefix") && table.prefix() != null && table.prefix().equals(minted.prefix())
                && table.length() == minted.length() && table.alphabet().equals(minted.alphabet());
    }

    /** The values of the minted shape, as a regex: {@code pm_[0-9A-Za-z]{24}}. */
    static String keepPattern(IdShape shape) {
        String prefix = shape.prefix().matches("[A-Za-z0-9_-]*") ? shape.prefix()
                : java.util.regex.Pattern.quote(shape.prefix());
        return prefix + charClass(shape.alphabet()) + "{" + shape.length() + "}";
    }

    static String charClass(String alphabet) {
        return switch (alphabet) {
            case "digits" -> "[0-9]";
            case "lowerhex" -> "[0-9a-f]";
            case "upperhex" -> "[0-9A-F]";
            case "lower" -> "[a-z]";
            case "upper" -> "[A-Z]";
            default -> "[0-9A-Za-z]";
        };
    }
}
