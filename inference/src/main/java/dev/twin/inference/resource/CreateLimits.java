package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.CreateRule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Creates refused because a sent number was more than the row a sent field named allows ({@code create.limits}): a
 * refund of more than what is left of its payment, a withdrawal above an account's balance, a booking of more seats
 * than an event has left.
 *
 * <p>The evidence, from every create in recording order: a candidate rule is "the number sent in {@code f} is at
 * most {@code m} of the row (of another table, as last seen) whose id was sent in {@code b}", or that less the sum
 * of {@code f} over this table's earlier successful creates naming the same row. It holds when every successful
 * create was within it and at least one create answered 4xx was above it, all such refusals with one error code, and
 * either the refusals' message names the amount the rule says was left or there were 3 successes and 2 refusals
 * (one of each fits some bound by coincidence too easily).
 * Between the rules that hold, one whose remaining amount the refusal's message names is taken first (the message
 * shows what the server computed), then one whose row field is named like the sent field, then the plain bound.
 */
public final class CreateLimits {
    private static final int MANY_WITHIN = 3;
    private static final int MANY_REFUSALS = 2;
    private final List<Resource> resources;
    private final BiFunction<String, String, JsonNode> latestRow;
    private final Map<Resource, Map<Candidate, Evidence>> candidates = new HashMap<>();
    /** Per resource, "b T id f": the sum of f over its successful creates naming that row. */
    private final Map<Resource, Map<UsedKey, BigDecimal>> used = new HashMap<>();

    /** @param latestRow the row of a table (by name) as last seen under an id, or null */
    public CreateLimits(List<Resource> resources, BiFunction<String, String, JsonNode> latestRow) {
        this.resources = resources;
        this.latestRow = latestRow;
    }

    /** {@code f ≤ T[b].m (− Σ f of earlier creates naming that row, when less)}. */
    record Candidate(String field, String by, String table, String max, boolean less) {
    }

    /** How a candidate fared: whether it still holds, and the refusals it explains. */
    private static final class Evidence {
        boolean holds = true;
        int within;
        final List<Refusal> refusals = new ArrayList<>();
    }

    /** A sent field whose value is the id of a row of another table, and that row as last seen. */
    private record NamedRow(String field, String table, String id, JsonNode row) {
    }

    /** What earlier creates took from one named row: the naming field, the row's table and id, the number sent. */
    private record UsedKey(String namingField, String table, String id, String numberField) {
    }

    /** A refused create above the bound: what was sent, what was left, and the error answered. */
    private record Refusal(BigDecimal sent, BigDecimal remaining, int status, String code, String param,
                           String message) {
    }

    /** A create, successful or not: what was sent, its status and answer. */
    public void attempt(Resource resource, JsonNode sent, int status, JsonNode answer) {
        if (sent == null || !sent.isObject() || (status >= 300 && (status < 400 || status >= 500))) {
            return;
        }
        boolean ok = status < 300;
        List<NamedRow> named = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isValueNode() || f.getValue().isNull() || f.getValue().asText().isEmpty()) {
                continue;
            }
            for (Resource other : resources) {
                JsonNode row = other == resource ? null : latestRow.apply(other.table(), f.getValue().asText());
                if (row != null && row.isObject()) {
                    named.add(new NamedRow(f.getKey(), other.table(), f.getValue().asText(), row));
                }
            }
        }
        Map<Candidate, Evidence> byCandidate = candidates.computeIfAbsent(resource, r -> new LinkedHashMap<>());
        Map<UsedKey, BigDecimal> sums = used.computeIfAbsent(resource, r -> new HashMap<>());
        Refusal error = ok ? null : refusal(answer, status);
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            BigDecimal value = number(f.getValue());
            if (value == null || named.stream().anyMatch(n -> n.field().equals(f.getKey()))) {
                continue;
            }
            for (NamedRow n : named) {
                JsonNode row = n.row();
                UsedKey usedKey = new UsedKey(n.field(), n.table(), n.id(), f.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> m = row.fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = m.next();
                    BigDecimal max = field.getValue().isNumber() ? field.getValue().decimalValue() : null;
                    if (max == null) {
                        continue;
                    }
                    for (boolean less : new boolean[] {false, true}) {
                        BigDecimal remaining = less ? max.subtract(sums.getOrDefault(usedKey, BigDecimal.ZERO)) : max;
                        Candidate c = new Candidate(f.getKey(), n.field(), n.table(), field.getKey(), less);
                        Evidence e = byCandidate.computeIfAbsent(c, k -> new Evidence());
                        boolean above = value.compareTo(remaining) > 0;
                        if (ok && above) {
                            e.holds = false;
                        } else if (ok) {
                            e.within++;
                        } else if (above && error != null && e.refusals.size() < 16) {
                            e.refusals.add(new Refusal(value, remaining, status, error.code(), error.param(),
                                    error.message()));
                        }
                    }
                }
                if (ok) {
                    sums.merge(usedKey, value, BigDecimal::add);
                }
            }
        }
    }

    /** The error an answer holds: its code, param and message, under a wrapping member or at the top. */
    private static Refusal refusal(JsonNode answer, int status) {
        if (answer == null || !answer.isObject()) {
            return null;
        }
        JsonNode error = answer;
        if (answer.size() == 1 && answer.elements().next().isObject()) {
            error = answer.elements().next();
        }
        JsonNode message = error.get("message");
        if (message == null || !message.isTextual()) {
            return null;
        }
        return new Refusal(null, null, status, text(error.get("code")), text(error.get("param")),
                message.textValue());
    }

    private static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static BigDecimal number(JsonNode value) {
        if (value == null || value.isNull() || value.isBoolean()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual() && value.textValue().matches("-?\\d{1,18}(\\.\\d+)?")) {
            return new BigDecimal(value.textValue());
        }
        return null;
    }

    /** Writes {@code create.limits} into each resource whose evidence holds, with its evidence. */
    public void settle() {
        candidates.forEach((resource, byCandidate) -> {
            CreateRules rule = resource.create;
            if (rule == null || rule.acknowledges()) {
                return;
            }
            Map<String, Candidate> chosen = new TreeMap<>();
            Map<String, List<Candidate>> alternatives = new TreeMap<>();
            Map<String, String> thin = new TreeMap<>();
            byCandidate.forEach((c, e) -> {
                if (!e.holds || e.within == 0 || e.refusals.isEmpty() || e.refusals.stream()
                        .map(r -> r.code() + " " + r.status()).distinct().count() != 1) {
                    return;
                }
                // a bound between one success and one refusal is easily a coincidence: the refusal's message must
                // name the amount left, or the samples must be many
                if (!namesRemaining(c, e) && (e.within < MANY_WITHIN || e.refusals.size() < MANY_REFUSALS)) {
                    thin.putIfAbsent(c.field(), c.table() + "[" + c.by() + "]." + c.max() + " (" + e.within
                            + " within, " + e.refusals.size() + " refused above, the message names no amount left)");
                    return;
                }
                alternatives.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(c);
                Candidate best = chosen.get(c.field());
                if (best == null || rank(c, e) > rank(best, byCandidate.get(best))) {
                    chosen.put(c.field(), c);
                }
            });
            thin.forEach((field, bound) -> {
                if (!chosen.containsKey(field)) {
                    resource.evidence.add("create: refusals of '" + field + "' fit a bound such as " + bound
                            + ", but the evidence is too thin to write a limit (left for a human)");
                }
            });
            if (chosen.isEmpty()) {
                return;
            }
            chosen.forEach((field, c) -> {
                Evidence e = byCandidate.get(c);
                Refusal first = e.refusals.get(0);
                rule.limits.put(field, new CreateRule.Limit(c.table(), c.by(), c.max(), c.less() ? c.field() : null,
                        first.code(), first.param(), template(first)));
                List<Candidate> others = alternatives.get(field).stream().filter(o -> !o.equals(c)).toList();
                resource.evidence.add("create: '" + field + "' at most " + c.table() + "[" + c.by() + "]." + c.max()
                        + (c.less() ? " less the '" + field + "' of the earlier " + resource.table() + " naming that row"
                        : "") + ": " + e.within + " create" + (e.within == 1 ? "" : "s") + " within it succeeded, "
                        + e.refusals.size() + " above it answered " + first.status() + " " + first.code()
                        + (namesRemaining(c, e) ? " (its message names the amount left, " + first.remaining() + ")"
                        : "") + (e.within + e.refusals.size() < 4 ? "; low confidence: few samples" : "")
                        + (others.isEmpty() ? "" : "; also consistent: " + others.stream().map(o -> o.table() + "["
                        + o.by() + "]." + o.max() + (o.less() ? " less earlier" : "")).toList()));
            });

        });
    }

    private static int rank(Candidate c, Evidence e) {
        return (namesRemaining(c, e) ? 4 : 0) + (c.max().equals(c.field()) ? 2 : 0) + (c.less() ? 0 : 1);
    }

    /** Whether every refusal's message names the amount the candidate says was left. */
    private static boolean namesRemaining(Candidate c, Evidence e) {
        return e.refusals.stream().allMatch(r -> token(plain(r.remaining())).matcher(r.message()).find()
                && !plain(r.remaining()).equals(plain(r.sent())));
    }

    /** The message with the number sent and the amount left written as {@code {{sent}}} and {@code {{remaining}}}. */
    private static String template(Refusal r) {
        String out = r.message().replace("{{", "{ {");
        String sent = plain(r.sent());
        String remaining = plain(r.remaining());
        out = token(sent).matcher(out).replaceAll("{{sent}}");
        if (!remaining.equals(sent)) {
            out = token(remaining).matcher(out).replaceAll("{{remaining}}");
        }
        return out;
    }

    private static Pattern token(String number) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(number) + "(?![\\w]|\\.\\d)");
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }
}
