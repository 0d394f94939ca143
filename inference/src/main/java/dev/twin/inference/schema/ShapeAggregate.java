package dev.twin.inference.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every JSON value seen at one place of one operation's bodies, merged without keeping the values: the types seen,
 * per property how often it was present, string statistics, number ranges. Bounded in size whatever the traffic.
 */
public final class ShapeAggregate {
    long samples;
    long nulls;
    long objects;
    long arrays;
    long booleans;
    long trues;
    long integers;
    long decimals;
    long minInteger = Long.MAX_VALUE;
    long maxInteger = Long.MIN_VALUE;
    StringStats strings;
    /** Property name to its aggregate; presence = that aggregate's sample count. */
    final TreeMap<String, ShapeAggregate> properties = new TreeMap<>();
    ShapeAggregate items;

    public void add(JsonNode value) {
        samples++;
        if (value == null || value.isNull() || value.isMissingNode()) {
            nulls++;
        } else if (value.isObject()) {
            objects++;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                properties.computeIfAbsent(field.getKey(), k -> new ShapeAggregate()).add(field.getValue());
            }
        } else if (value.isArray()) {
            arrays++;
            if (items == null) {
                items = new ShapeAggregate();
            }
            for (JsonNode item : value) {
                items.add(item);
            }
        } else if (value.isBoolean()) {
            booleans++;
            if (value.asBoolean()) {
                trues++;
            }
        } else if (value.isIntegralNumber()) {
            integers++;
            long v = value.asLong();
            minInteger = Math.min(minInteger, v);
            maxInteger = Math.max(maxInteger, v);
        } else if (value.isNumber()) {
            decimals++;
        } else {
            if (strings == null) {
                strings = new StringStats();
            }
            strings.add(value.asText());
        }
    }

    public void merge(ShapeAggregate other) {
        samples += other.samples;
        nulls += other.nulls;
        objects += other.objects;
        arrays += other.arrays;
        booleans += other.booleans;
        trues += other.trues;
        integers += other.integers;
        decimals += other.decimals;
        minInteger = Math.min(minInteger, other.minInteger);
        maxInteger = Math.max(maxInteger, other.maxInteger);
        if (other.strings != null) {
            if (strings == null) {
                strings = new StringStats();
            }
            strings.merge(other.strings);
        }
        other.properties.forEach((name, sub) ->
                properties.computeIfAbsent(name, k -> new ShapeAggregate()).merge(sub));
        if (other.items != null) {
            if (items == null) {
                items = new ShapeAggregate();
            }
            items.merge(other.items);
        }
    }

    public long samples() {
        return samples;
    }

    public boolean isObject() {
        return objects > 0 && objects + nulls == samples;
    }

    public boolean isArray() {
        return arrays > 0 && arrays + nulls == samples;
    }

    public TreeMap<String, ShapeAggregate> properties() {
        return properties;
    }

    public ShapeAggregate items() {
        return items;
    }

    /** True when the property was present in every object sample. */
    public boolean alwaysPresent(String property) {
        ShapeAggregate sub = properties.get(property);
        return sub != null && sub.samples == objects;
    }

    /** The id prefix every string value here shares ("cus_"), or "" . */
    public String idPrefix() {
        return strings == null || strings.idPrefix == null || nonStringSamples() > nulls ? "" : strings.idPrefix;
    }

    /** "cus_" of "cus_Nf0aB3", "" when the text does not look like a prefixed id. */
    public static String idPrefixOf(String text) {
        return StringStats.prefixOf(text);
    }

    public boolean onlyIntegers() {
        return integers > 0 && integers == samples;
    }

    /**
     * The id prefix of this field's string values even when other samples were objects: Stripe's
     * {@code product} is {@code "prod_…"} unless the request expanded it into the product itself.
     */
    public String idPrefixOfReferences() {
        boolean onlyStringsObjectsOrNulls = strings != null && strings.count + objects + nulls == samples;
        return onlyStringsObjectsOrNulls && strings.idPrefix != null ? strings.idPrefix : "";
    }

    public boolean onlyStrings() {
        return strings != null && strings.count == samples;
    }

    public boolean isUnixTimestamp() {
        return integers > 0 && integers + nulls == samples && minInteger >= 946_684_800L && maxInteger <= 4_102_444_800L;
    }

    public boolean isRfc2822() {
        return onlyNonNullStrings() && strings.rfc2822;
    }

    /**
     * Every value had a revision's shape ({@code 2-2c92cc36…}: a write count, a dash, a hash) and some counted
     * past the first write: the server revises the row on every write.
     */
    public boolean isAdvancingRevision() {
        return onlyNonNullStrings() && strings.revision && strings.revisionAdvanced;
    }

    /** A revision's shape: a write count, a dash, a hash ({@code 2-2c92cc36…}). */
    public static boolean looksLikeRevision(String value) {
        return StringStats.isRevision(value);
    }

    /** Every value had a revision's shape ({@code 1-ded8a692…}). */
    public boolean isRevision() {
        return onlyNonNullStrings() && strings.revision;
    }

    public boolean isDateTime() {
        return onlyNonNullStrings() && strings.dateTime && !strings.date;
    }

    private boolean onlyNonNullStrings() {
        return strings != null && strings.count > 0 && strings.count + nulls == samples;
    }

    /** The single value every sample had, when scalar and constant (for the twin's injected defaults). */
    public JsonNode constant() {
        if (samples == 0) {
            return null;
        }
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (nulls == samples) {
            return f.nullNode();
        }
        if (strings != null && strings.count == samples && !strings.tooManyDistinct && strings.distinct.size() == 1) {
            return f.textNode(strings.distinct.firstKey());
        }
        if (booleans == samples && (trues == 0 || trues == samples)) {
            return f.booleanNode(trues > 0);
        }
        if (integers == samples && minInteger == maxInteger) {
            return f.numberNode(minInteger);
        }
        if (objects == samples && properties.isEmpty()) {
            return f.objectNode();
        }
        if (arrays == samples && (items == null || items.samples == 0)) {
            return f.arrayNode();
        }
        return null;
    }

    /**
     * The string most samples had, when at least three were seen and more than two thirds of them had it (an
     * error message an API repeats with a rare exception), else null.
     */
    public JsonNode dominantString() {
        if (strings == null || strings.tooManyDistinct || samples < 3) {
            return null;
        }
        for (Map.Entry<String, Long> value : strings.distinct.entrySet()) {
            if (value.getValue() * 3 > samples * 2) {
                return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(value.getKey());
            }
        }
        return null;
    }

    private long nonStringSamples() {
        return samples - (strings == null ? 0 : strings.count);
    }

    StringStats strings() {
        return strings;
    }
}
