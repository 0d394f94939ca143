package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.convention.SentTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fields whose value the server computes from its clock and the row's own times ({@code fields.byClock}): a
 * silence reads {@code pending} before its {@code startsAt}, {@code active} until its {@code endsAt}, {@code expired}
 * after it. Every answered row is a sample: each short text field (top level or one object down) the client never
 * sent, with the row's time fields and the exchange's own time. A rule names one time field ({@code from}: before it
 * one value, from it on another) or two ({@code from} before {@code until}: before, during, after); it is taken when
 * it is the only one with the fewest time fields that explains every sample, each of its spans by its own value, with
 * every span seen (failing that, the only one with spans never seen, which the report names and the twin leaves
 * alone). Lists answered are kept too: when they held each value's rows together, in one order of the values they
 * all agree on, that order is the rule's {@code listOrder}.
 *
 * <p>Bounded: at most {@value #MAX_SAMPLES} samples per field, {@value #MAX_VALUES} distinct values (more is no
 * state), the newest dropped; at most {@value #MAX_LISTS} list answers of {@value #MAX_LISTED_ROWS} rows each, kept
 * as their short texts.
 */
public final class ClockDerivedFields {
    private static final int MAX_SAMPLES = 2048;
    private static final int MAX_VALUES = 8;
    private static final int MAX_TEXT = 40;
    private static final int MAX_LISTS = 64;
    private static final int MAX_LISTED_ROWS = 200;
    private static final String[] SPANS = {"before", "during", "after"};

    /** One answer of a field: its value, the row's times (epoch millis by field) and the exchange's time. */
    private record Sample(String value, Map<String, Long> times, long now) {
    }

    private static final class Field {
        final List<Sample> samples = new ArrayList<>();
        final Set<String> values = new TreeSet<>();
    }

    private static final class Table {
        final Set<String> sentFields = new HashSet<>();
        final Map<String, Field> fields = new TreeMap<>();
        /**
         * Each list answer (at most {@value #MAX_LISTS}) as its rows' short texts by path, in the order answered:
         * only those a computed field may be, never the bodies.
         */
        final List<List<Map<String, String>>> lists = new ArrayList<>();
    }

    /** A list answer's rows, in the order answered: evidence of a list order by a computed field. */
    public void listed(Resource resource, List<JsonNode> rows) {
        Table table = byResource.computeIfAbsent(resource, r -> new Table());
        if (rows.size() < 2 || table.lists.size() >= MAX_LISTS) {
            return;
        }
        List<Map<String, String>> texts = new ArrayList<>();
        for (JsonNode row : rows.subList(0, Math.min(rows.size(), MAX_LISTED_ROWS))) {
            Map<String, String> shortTexts = new TreeMap<>();
            if (row != null && row.isObject()) {
                row.fields().forEachRemaining(field -> {
                    if (field.getValue().isObject()) {
                        field.getValue().fields().forEachRemaining(inner -> shortText(shortTexts,
                                field.getKey() + "." + inner.getKey(), inner.getValue()));
                    } else {
                        shortText(shortTexts, field.getKey(), field.getValue());
                    }
                });
            }
            texts.add(shortTexts);
        }
        table.lists.add(texts);
    }

    private static void shortText(Map<String, String> out, String path, JsonNode value) {
        if (value.isTextual() && !value.textValue().isEmpty() && value.textValue().length() <= MAX_TEXT) {
            out.put(path, value.textValue());
        }
    }

    private final Map<Resource, Table> byResource = new LinkedHashMap<>();

    /** A write's body: its top-level fields are the client's, never the server's clock. */
    public void sent(Resource resource, JsonNode body) {
        if (body != null && body.isObject()) {
            body.fieldNames().forEachRemaining(byResource.computeIfAbsent(resource, r -> new Table()).sentFields::add);
        }
    }

    /** A row an answer showed, at the time the exchange started. */
    public void answered(Resource resource, JsonNode row, Instant at) {
        if (row == null || !row.isObject()) {
            return;
        }
        Map<String, Long> times = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Instant time = field.getValue().isTextual() ? SentTime.instant(field.getValue().textValue()) : null;
            if (time != null) {
                times.put(field.getKey(), time.toEpochMilli());
            }
        }
        if (times.isEmpty()) {
            return;
        }
        Table table = byResource.computeIfAbsent(resource, r -> new Table());
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals(resource.idField()) || times.containsKey(name) || table.sentFields.contains(name)) {
                continue;
            }
            if (field.getValue().isObject()) {
                field.getValue().fields().forEachRemaining(inner -> sample(table, name + "." + inner.getKey(),
                        inner.getValue(), times, at));
            } else {
                sample(table, name, field.getValue(), times, at);
            }
        }
    }

    private static void sample(Table table, String path, JsonNode value, Map<String, Long> times, Instant at) {
        if (!value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > MAX_TEXT
                || SentTime.instant(value.textValue()) != null) {
            return;
        }
        Field field = table.fields.computeIfAbsent(path, p -> new Field());
        if (field.samples.size() < MAX_SAMPLES && field.values.size() <= MAX_VALUES) {
            field.values.add(value.textValue());
            field.samples.add(new Sample(value.textValue(), times, at.toEpochMilli()));
        }
    }

    /** Writes {@code fields.byClock} into each table with a field the clock explains, and the evidence. */
    public void settle() {
        byResource.forEach((resource, table) -> {
            Map<String, Map<String, Object>> byClock = new TreeMap<>();
            table.fields.forEach((path, field) -> {
                if (field.values.size() < 2 || field.values.size() > MAX_VALUES
                        || field.samples.size() <= field.values.size()
                        || table.sentFields.contains(path.split("\\.")[0])) {
                    return;
                }
                Rule rule = rule(path, field, resource);
                if (rule != null) {
                    Map<String, Object> yaml = new LinkedHashMap<>(rule.toYaml());
                    resource.evidence.add(rule.describe(path, field.samples.size()));
                    List<String> listOrder = listOrder(path, rule, table.lists, resource);
                    if (!listOrder.isEmpty()) {
                        yaml.put("listOrder", listOrder);
                    }
                    byClock.put(path, yaml);
                }
            });
            if (!byClock.isEmpty()) {
                resource.fields = resource.fields.withByClock(byClock);
            }
        });
    }

    /**
     * The order of the rule's values the lists put their rows in, when every list answer held each value's rows
     * together, the values' order was the same in all, two lists or more showed two values or more, and the lists
     * single out one order of the values they showed; else empty.
     */
    private static List<String> listOrder(String path, Rule rule, List<List<Map<String, String>>> lists,
                                          Resource resource) {
        Set<String> known = new HashSet<>();
        for (String value : rule.values) {
            if (value != null) {
                known.add(value);
            }
        }
        Map<String, Set<String>> after = new TreeMap<>(); // value → the values listed after it
        int telling = 0;
        for (List<Map<String, String>> rows : lists) {
            List<String> blocks = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String value = known.contains(row.get(path)) ? row.get(path) : null;
                if (value == null) {
                    continue;
                }
                if (blocks.isEmpty() || !blocks.get(blocks.size() - 1).equals(value)) {
                    if (blocks.contains(value)) {
                        return noListOrder(resource, path, "a list answer held the rows of '" + value + "' apart");
                    }
                    blocks.add(value);
                }
            }
            if (blocks.size() >= 2) {
                telling++;
            }
            for (int i = 0; i + 1 < blocks.size(); i++) {
                after.computeIfAbsent(blocks.get(i), v -> new TreeSet<>()).add(blocks.get(i + 1));
            }
        }
        if (telling < 2) {
            return List.of();
        }
        // the one order every pair agrees with: each step, exactly one value nothing left still comes before
        Set<String> left = new TreeSet<>(after.keySet());
        after.values().forEach(left::addAll);
        List<String> order = new ArrayList<>();
        while (!left.isEmpty()) {
            List<String> first = left.stream().filter(v -> left.stream().noneMatch(o -> !o.equals(v)
                    && after.getOrDefault(o, Set.of()).contains(v))).toList();
            if (first.size() != 1) {
                return noListOrder(resource, path, first.isEmpty() ? "the lists put its values in contradicting "
                        + "orders" : "the lists leave the order of " + first + " open");
            }
            order.add(first.get(0));
            left.remove(first.get(0));
        }
        resource.evidence.add("byClock: the " + telling + " list answers showing rows of two or more '" + path
                + "' values held each value's rows together, in the order " + order + ": lists put their rows in "
                + "that order, newest first within a value (the order within a value is not inferred)"
                + (telling < 3 ? " (low confidence)" : ""));
        return order;
    }

    private static List<String> noListOrder(Resource resource, String path, String why) {
        resource.evidence.add("byClock: lists are not ordered by '" + path + "': " + why);
        return List.of();
    }

    /** The one rule the samples single out, or null (the report says why when more than one explains them). */
    private static Rule rule(String path, Field field, Resource resource) {
        Set<String> timeFields = null;
        for (Sample sample : field.samples) {
            if (timeFields == null) {
                timeFields = new TreeSet<>(sample.times().keySet());
            } else {
                timeFields.retainAll(sample.times().keySet());
            }
        }
        List<Rule> explaining = new ArrayList<>();
        for (String from : timeFields) {
            add(explaining, new Rule(from, null), field);
        }
        for (String from : timeFields) {
            for (String until : timeFields) {
                if (!from.equals(until)) {
                    add(explaining, new Rule(from, until), field);
                }
            }
        }
        for (boolean everySpanSeen : new boolean[] {true, false}) {
            for (int fields = 1; fields <= 2; fields++) {
                int size = fields;
                List<Rule> level = explaining.stream().filter(r -> r.everySpanSeen() == everySpanSeen
                        && r.fieldCount() == size).toList();
                if (level.size() == 1) {
                    return level.get(0);
                }
                if (level.size() > 1) {
                    resource.evidence.add("byClock: '" + path + "' is explained by the clock in " + level.size()
                            + " ways (" + level.stream().map(Rule::spansText).toList() + "): not computed (left for "
                            + "a human)");
                    return null;
                }
            }
        }
        return null;
    }

    /** Adds the rule when every sample fits it, each span by a value of its own, two spans seen at least. */
    private static void add(List<Rule> explaining, Rule rule, Field field) {
        for (Sample sample : field.samples) {
            long from = sample.times().get(rule.from);
            Long until = rule.until == null ? null : sample.times().get(rule.until);
            if (until != null && until < from) {
                return;
            }
            int span = sample.now() < from ? 0 : until == null || sample.now() < until ? 1 : 2;
            String known = rule.values[span];
            if (known != null && !known.equals(sample.value())) {
                return;
            }
            rule.values[span] = sample.value();
            rule.counts[span]++;
        }
        Set<String> distinct = new HashSet<>();
        int seen = 0;
        for (String value : rule.values) {
            if (value != null) {
                seen++;
                if (!distinct.add(value)) {
                    return;
                }
            }
        }
        if (seen >= 2) {
            explaining.add(rule);
        }
    }

    /** A candidate rule: the time fields and, per span (before, during, after), the value and how often seen. */
    private static final class Rule {
        final String from;
        final String until;
        final String[] values = new String[3];
        final long[] counts = new long[3];

        Rule(String from, String until) {
            this.from = from;
            this.until = until;
        }

        int fieldCount() {
            return until == null ? 1 : 2;
        }

        boolean everySpanSeen() {
            return values[0] != null && values[1] != null && (until == null || values[2] != null);
        }

        Map<String, String> toYaml() {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("from", from);
            if (until != null) {
                out.put("until", until);
            }
            for (int span = 0; span < 3; span++) {
                if (values[span] != null) {
                    out.put(SPANS[span], values[span]);
                }
            }
            return out;
        }

        String spansText() {
            List<String> out = new ArrayList<>();
            out.add(spanText(0, "before " + from));
            out.add(spanText(1, until == null ? "from " + from : "from " + from + " until " + until));
            if (until != null) {
                out.add(spanText(2, "from " + until));
            }
            return String.join(", ", out);
        }

        private String spanText(int span, String when) {
            return values[span] == null ? "never seen " + when + " (the twin keeps the stored value then)"
                    : "'" + values[span] + "' " + when + " (" + counts[span] + ")";
        }

        String describe(String path, int samples) {
            boolean thin = false;
            for (int span = 0; span < fieldCount() + 1; span++) {
                thin |= counts[span] < 2;
            }
            return "byClock: '" + path + "' is, in every answer (" + samples + "), a function of the exchange's time "
                    + "and the row's own times: " + spansText() + "; the twin computes it from its clock"
                    + (thin ? " (a span seen once or never: low confidence)" : "");
        }
    }
}
