package dev.twin.replayer.internal.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value pools of {@link ValueFaker}, drawn from datafaker once and shipped as the resource
 * {@code value-pools.txt}: one line per rule, its name then its values, tab-separated (backslash, tab and newline
 * escaped). {@code ValuePoolsTest} fails when the file no longer equals what datafaker draws (after a datafaker
 * upgrade or a rule change) and rewrites it when run with {@code -Dtwin.writeValuePools=true}.
 */
final class ValuePools {
    static final String RESOURCE = "value-pools.txt";

    private ValuePools() {
    }

    /** The shipped pools by rule name; empty when the resource is missing (pools are then drawn on first use). */
    static Map<String, List<String>> stored() {
        return Stored.POOLS;
    }

    private static final class Stored {
        static final Map<String, List<String>> POOLS = read();

        private static Map<String, List<String>> read() {
            try (InputStream in = ValuePools.class.getResourceAsStream(RESOURCE)) {
                return in == null ? Map.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
        }
    }

    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> pools = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            List<String> values = new java.util.ArrayList<>(fields.length - 1);
            for (int i = 1; i < fields.length; i++) {
                values.add(unescape(fields[i]));
            }
            pools.put(unescape(fields[0]), List.copyOf(values));
        }
        return Map.copyOf(pools);
    }

    static String format(Map<String, List<String>> pools) {
        StringBuilder out = new StringBuilder();
        pools.forEach((name, values) -> {
            out.append(escape(name));
            values.forEach(value -> out.append('\t').append(escape(value)));
            out.append('\n');
        });
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
