package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.CreateRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Fields a create's answer copied from the row of another table that a sent field named ({@code create.lookup}): a
 * refund's {@code charge} is the {@code latest_charge} of the payment intent it was sent, a shipment's
 * {@code address} the address of its order.
 *
 * <p>The evidence, from every successful create in recording order: the field (not sent) held the value of one
 * field of the row, as last seen, whose id a sent field held; every create agreed on which sent field and which
 * field of which table. A value seen once could be a constant, so it counts only when it looks minted
 * ({@link MintedLook}: no constant or coincidence reproduces it); else two different values are needed.
 */
public final class LookedUpFields {
    private static final int MAX_VALUES = 64;

    /** A candidate source: the row of {@code table} named by the sent field {@code by}, its field {@code field}. */
    record Source(String by, String table, String field) implements Comparable<Source> {
        @Override
        public int compareTo(Source o) {
            return (by + " " + table + " " + field).compareTo(o.by + " " + o.table + " " + o.field);
        }
    }

    private final List<Resource> resources;
    private final BiFunction<String, String, JsonNode> latestRow;
    /** Per resource, per answer field: the sources every create so far agrees with. */
    private final Map<Resource, Map<String, Set<Source>>> candidates = new HashMap<>();
    private final Map<Resource, Map<String, Set<String>>> values = new HashMap<>();
    private final Map<Resource, Map<String, Boolean>> allMinted = new HashMap<>();

    /** @param latestRow the row of a table (by name) as last seen under an id, or null */
    public LookedUpFields(List<Resource> resources, BiFunction<String, String, JsonNode> latestRow) {
        this.resources = resources;
        this.latestRow = latestRow;
    }

    /** A successful create: what was sent, and the row it answered. */
    public void created(Resource resource, JsonNode sent, JsonNode answer) {
        if (sent == null || !sent.isObject() || answer == null || !answer.isObject()) {
            return;
        }
        List<Named> named = named(resource, sent);
        Map<String, Set<Source>> byField = candidates.computeIfAbsent(resource, r -> new TreeMap<>());
        boolean first = !values.containsKey(resource);
        Map<String, Set<String>> seen = values.computeIfAbsent(resource, r -> new HashMap<>());
        Map<String, Boolean> minted = allMinted.computeIfAbsent(resource, r -> new HashMap<>());
        Set<String> fields = new HashSet<>(byField.keySet());
        if (first) {
            answer.fieldNames().forEachRemaining(fields::add);
        }
        for (String field : fields) {
            if (sent.has(field) || field.equals(resource.idField())) {
                continue;
            }
            JsonNode value = answer.get(field);
            Set<Source> agreeing = new TreeSet<>();
            boolean shown = value != null && !value.isNull();
            for (Named n : named) {
                n.row().fieldNames().forEachRemaining(f -> {
                    if (shown && value.equals(n.row().get(f))) {
                        agreeing.add(new Source(n.field(), n.table(), f));
                    }
                });
            }
            Set<Source> still = byField.get(field);
            if (still == null) {
                if (shown) {
                    byField.put(field, agreeing);
                }
            } else if (shown) {
                still.retainAll(agreeing);
            } else {
                // not shown: only sources whose row was not named, or held nothing, survive
                still.removeIf(s -> named.stream().anyMatch(n -> n.field().equals(s.by()) && n.table().equals(s.table())
                        && n.row().hasNonNull(s.field())));
            }
            if (shown) {
                Set<String> distinct = seen.computeIfAbsent(field, f -> new HashSet<>());
                if (distinct.size() < MAX_VALUES) {
                    distinct.add(value.toString());
                }
                minted.merge(field, value.isTextual() && MintedLook.of(value.textValue()), Boolean::logicalAnd);
            }
        }
    }

    /**
     * A derivation of the same field from the input stays, unless it only tells the recorded ids of the named rows
     * apart ({@code input.orderId == 1 ? '1 Main St' : '9 Elm Rd'}): the row explains that for any id, so the
     * derivation gives way (and is removed).
     */
    private static boolean lookupBeatsDerive(CreateRules rule, String field, Source chosen, Resource resource) {
        String derivation = rule.derive.get(field);
        if (derivation == null) {
            return true;
        }
        if (!derivation.startsWith("input." + chosen.by() + " == ")) {
            return false;
        }
        rule.derive.remove(field);
        resource.evidence.add("create: '" + field + "' is not derived from the recorded values of '" + chosen.by()
                + "': the row it names explains it");
        return true;
    }

    /** A sent top-level value that is the id of a row some table held at the time. */
    private record Named(String field, String table, JsonNode row) {
    }

    private List<Named> named(Resource resource, JsonNode sent) {
        List<Named> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isValueNode() || field.getValue().isNull() || field.getValue().asText().isEmpty()) {
                continue;
            }
            for (Resource other : resources) {
                if (other == resource) {
                    continue;
                }
                JsonNode row = latestRow.apply(other.table(), field.getValue().asText());
                if (row != null && row.isObject()) {
                    out.add(new Named(field.getKey(), other.table(), row));
                }
            }
        }
        return out;
    }

    /**
     * Writes {@code create.lookup} into each resource whose evidence holds, with its evidence; fields the create
     * rule already generates or derives are left to it.
     */
    public void settle() {
        candidates.forEach((resource, byField) -> {
            CreateRules rule = resource.create;
            if (rule == null || rule.acknowledges()) {
                return; // an acknowledged create shows nothing of the row it stored
            }
            Set<String> decided = new HashSet<>(rule.generate.keySet());
            decided.addAll(rule.replace.keySet());
            decided.addAll(resource.timestampFields.values());
            byField.forEach((field, sources) -> {
                if (sources.isEmpty() || decided.contains(field)) {
                    return;
                }
                int distinct = values.get(resource).getOrDefault(field, Set.of()).size();
                boolean minted = allMinted.get(resource).getOrDefault(field, false);
                if (distinct < 2 && !minted) {
                    return;
                }
                Source chosen = sources.stream().filter(s -> s.field().equals(field)).findFirst()
                        .orElse(sources.iterator().next());
                if (!lookupBeatsDerive(rule, field, chosen, resource)) {
                    return;
                }
                rule.lookup.put(field, new CreateRule.Lookup(chosen.table(), chosen.by(), chosen.field()));
                resource.evidence.add("create: '" + field + "' ← " + chosen.table() + "[" + chosen.by() + "]."
                        + chosen.field() + " (every create's answer held that field of the row its '" + chosen.by()
                        + "' named, as last seen; " + (distinct >= 2 ? distinct + " different values"
                        : "one value, minted-looking: no constant repeats it (low confidence: record more creates)")
                        + (sources.size() > 1 ? "; also explained by " + sources.stream().filter(s -> s != chosen)
                        .map(s -> s.table() + "[" + s.by() + "]." + s.field()).toList() : "") + ")");
            });

        });
    }
}
