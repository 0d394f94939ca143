package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code magicValues:} — values a client sends that stand for known test data, as Stripe's {@code pm_card_visa},
 * {@code tok_visa} and {@code 4242424242424242} stand for one Visa card. Each catalogue is a list of records,
 * found by the value of any of its key fields; expressions read them as {@code magic.cards['tok_visa']} (null
 * when no record has that value). Built once at load: a look-up is one hash-map read.
 *
 * @param catalogues catalogue name → its records, in the order written
 */
public record MagicValues(Map<String, Catalogue> catalogues) {
    public static final MagicValues NONE = new MagicValues(Map.of());

    /**
     * One catalogue.
     *
     * @param keys    the fields whose values find a record
     * @param records the records, in order
     */
    public record Catalogue(String name, List<String> keys, List<ObjectNode> records) {
        public Catalogue {
            keys = List.copyOf(keys);
            records = records.stream().map(ObjectNode::deepCopy).toList();
        }
    }

    public MagicValues {
        catalogues = Collections.unmodifiableMap(new LinkedHashMap<>(catalogues));
    }
}
