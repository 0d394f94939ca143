package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A JSON tree seen as plain maps and lists without converting it: what an expression reads is converted when it
 * reads it ({@link PlainValues} converts the whole tree at once). A row of fifty fields of which a custom operation
 * reads two costs two conversions. Read-only; the tree must not change while a view of it is in use (rows are
 * immutable copies).
 */
public final class JsonView {
    private JsonView() {
    }

    /** A map, a list or a plain scalar for the node ({@link PlainValues#toPlain} for scalars). */
    public static Object of(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return new ObjectView(object, Map.of());
        }
        if (node instanceof ArrayNode array) {
            return new ArrayView(array);
        }
        return PlainValues.toPlain(node);
    }

    /**
     * A stored row's fields as a map, with {@code defaults} (field → value, shared and never changed) for the fields it
     * lacks: the row as custom operations and event conditions see it, nothing copied.
     */
    public static Map<String, Object> ofRow(dev.twin.replayer.internal.state.Row row, Map<String, JsonNode> defaults) {
        ObjectNode fields = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        row.storedFields().forEachRemaining(field -> fields.set(field.getKey(), field.getValue()));
        return new ObjectView(fields, defaults); // the stored values are shared, only the top-level object is new
    }

    /**
     * The tree a view stands for (read-only: its values may be shared with a stored row), or null when the value is
     * no view. A row's view stands for the row with its defaults.
     */
    public static JsonNode treeOf(Object value) {
        return value instanceof ObjectView object ? object.tree() : value instanceof ArrayView array ? array.node : null;
    }

    private static final class ObjectView extends AbstractMap<String, Object> {
        private final ObjectNode node;
        private final Map<String, JsonNode> defaults;
        private final Map<String, Object> read = new HashMap<>();

        ObjectView(ObjectNode node, Map<String, JsonNode> defaults) {
            this.node = node;
            this.defaults = defaults;
        }

        private JsonNode field(String name) {
            JsonNode value = node.get(name);
            return value != null ? value : defaults.get(name);
        }

        /** The fields with the defaults the node lacks. */
        JsonNode tree() {
            if (defaults.isEmpty()) {
                return node;
            }
            ObjectNode all = node.deepCopy();
            defaults.forEach((name, value) -> {
                if (!all.has(name)) {
                    all.set(name, value);
                }
            });
            return all;
        }

        @Override
        public Object get(Object key) {
            if (!(key instanceof String name)) {
                return null;
            }
            Object value = read.get(name);
            if (value == null && !read.containsKey(name)) {
                value = of(field(name));
                read.put(name, value); // the same view each time: a row read twice is the same map
            }
            return value;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && (node.has(name) || defaults.containsKey(name));
        }

        @Override
        public int size() {
            int size = node.size();
            for (String name : defaults.keySet()) {
                if (!node.has(name)) {
                    size++;
                }
            }
            return size;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    java.util.List<String> all = new java.util.ArrayList<>(node.size() + defaults.size());
                    node.fieldNames().forEachRemaining(all::add);
                    defaults.keySet().forEach(name -> {
                        if (!node.has(name)) {
                            all.add(name);
                        }
                    });
                    Iterator<String> names = all.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return names.hasNext();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            String name = names.next();
                            return new SimpleImmutableEntry<>(name, get(name));
                        }
                    };
                }

                @Override
                public int size() {
                    return ObjectView.this.size();
                }
            };
        }
    }

    private static final class ArrayView extends AbstractList<Object> {
        private final ArrayNode node;
        private final Object[] read;

        ArrayView(ArrayNode node) {
            this.node = node;
            this.read = new Object[node.size()];
        }

        @Override
        public Object get(int index) {
            Object value = read[index];
            if (value == null && node.get(index) != null && !node.get(index).isNull()) {
                value = of(node.get(index));
                read[index] = value;
            }
            return value;
        }

        @Override
        public int size() {
            return node.size();
        }
    }
}
