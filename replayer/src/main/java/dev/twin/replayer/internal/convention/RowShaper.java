package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.state.FilteredField;
import dev.twin.replayer.internal.state.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a stored row into the body the provider would send: the id first, then the injected fields (such as
 * {@code object: customer}), then the stored fields with hidden ones dropped and renamed ones renamed, then the
 * creation and update times in the configured format; or, when the table names its fields' order, in that order.
 *
 * <p>Injected fields are defaults: a stored field of the same public name wins, so {@code metadata: {}} or
 * {@code description: null} can be injected and still be changed by updates. Injected strings are Handlebars
 * templates over {@code item} (the stored row). A stored field that already has a timestamp's public name (a seed
 * row's {@code created}) keeps its value.
 */
public final class RowShaper {
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";

    private final String idField;
    private final TimestampFormat timestampFormat;
    private final String createdField;
    private final String updatedField;
    private final Map<String, JsonTemplate> inject;
    /** The value of each constant injected field, rendered once and shared by every shaped row. */
    private final Map<String, JsonNode> injectedConstants;
    private final boolean injectIsConstant;
    /** Whether a row always shapes the same way, so its answer's JSON can be kept with it ({@link #json}). */
    private final boolean repeatable;
    private final Set<String> hide;
    private final Map<String, String> rename;
    /** {@code fields.copy}: the shown field repeated, and the path it is repeated at, split once. */
    private record Copy(String source, String[] path) {
    }

    private final List<Copy> copies = new ArrayList<>();
    /** The id is sent where the stored row has it (tables with {@code idPosition: last}), not first. */
    private final boolean idInPlace;
    /** {@code fields.order}: the shown fields in the API's order; empty = the order they are made in. */
    private final List<String> order;
    /** {@code fields.byClock}: fields set from the clock and the row's times each time a row is shaped. */
    private final ClockFields clockFields;

    /**
     * @param timestampFields internal name ({@code createdAt}, {@code updatedAt}) to the public field name; an
     *                        internal name missing here (or hidden) is not sent
     * @param hide            field names (stored, public or internal timestamp names) never sent
     * @param rename          stored field name to public name
     */
    public RowShaper(String idField, TimestampFormat timestampFormat, Map<String, String> timestampFields,
                     ObjectNode inject, Set<String> hide, Map<String, String> rename) {
        this(idField, timestampFormat, timestampFields, inject, hide, rename, false);
    }

    /** @param idInPlace send the id where the stored row has it rather than first */
    public RowShaper(String idField, TimestampFormat timestampFormat, Map<String, String> timestampFields,
                     ObjectNode inject, Set<String> hide, Map<String, String> rename, boolean idInPlace) {
        this(idField, timestampFormat, timestampFields, inject, hide, rename, idInPlace, Map.of());
    }

    /**
     * @param copies dotted path → the shown top-level field whose value it repeats ({@code fields.copy}:
     *               RabbitMQ's {@code metadata.description: description}), set where the row has no such path
     */
    public RowShaper(String idField, TimestampFormat timestampFormat, Map<String, String> timestampFields,
                     ObjectNode inject, Set<String> hide, Map<String, String> rename, boolean idInPlace,
                     Map<String, String> copies) {
        this(idField, timestampFormat, timestampFields, inject, hide, rename, idInPlace, copies, List.of());
    }

    /** @param order the shown fields in the order the API sends them ({@code fields.order}); others follow */
    public RowShaper(String idField, TimestampFormat timestampFormat, Map<String, String> timestampFields,
                     ObjectNode inject, Set<String> hide, Map<String, String> rename, boolean idInPlace,
                     Map<String, String> copies, List<String> order) {
        this(idField, timestampFormat, timestampFields, inject, hide, rename, idInPlace, copies, order,
                ClockFields.NONE);
    }

    /** @param clockFields fields computed from the clock and the row's times ({@code fields.byClock}) */
    RowShaper(String idField, TimestampFormat timestampFormat, Map<String, String> timestampFields,
              ObjectNode inject, Set<String> hide, Map<String, String> rename, boolean idInPlace,
              Map<String, String> copies, List<String> order, ClockFields clockFields) {
        this.clockFields = Objects.requireNonNull(clockFields, "clockFields");
        this.order = List.copyOf(order);
        copies.forEach((path, source) -> this.copies.add(new Copy(source, path.split("\\."))));
        this.idInPlace = idInPlace;
        this.idField = Objects.requireNonNull(idField, "idField");
        this.timestampFormat = Objects.requireNonNull(timestampFormat, "timestampFormat");
        this.hide = Set.copyOf(hide);
        this.createdField = visible(timestampFields.get(CREATED_AT), CREATED_AT);
        this.updatedField = visible(timestampFields.get(UPDATED_AT), UPDATED_AT);
        this.inject = new LinkedHashMap<>();
        this.injectedConstants = new LinkedHashMap<>();
        boolean constant = true;
        if (inject != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = inject.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonTemplate template = JsonTemplate.compile(field.getValue());
                this.inject.put(field.getKey(), template);
                if (template.isConstant()) {
                    injectedConstants.put(field.getKey(), template.render(Map.of()));
                }
                constant &= !containsTemplate(field.getValue());
            }
        }
        this.injectIsConstant = constant;
        // a field the clock computes changes while the row does not: its answer cannot be kept with the row
        this.repeatable = this.inject.values().stream().allMatch(JsonTemplate::isRepeatable) && clockFields.isEmpty();
        this.rename = Map.copyOf(new LinkedHashMap<>(rename));
    }

    /**
     * The data with the injected constant defaults it lacks added (in place: pass a copy of a row's data), as custom
     * operations and event conditions see a row: a default the API answers for every row ({@code status: open}) is
     * part of the row's state, not only of its shape.
     */
    public ObjectNode withDefaults(ObjectNode data) {
        for (Map.Entry<String, JsonNode> field : injectedConstants.entrySet()) {
            if (!data.has(field.getKey())) {
                JsonNode value = field.getValue();
                data.set(field.getKey(), value.isContainerNode() ? value.deepCopy() : value);
            }
        }
        return data;
    }

    /**
     * The stored row as custom operations and event conditions read it: its fields, and the injected constant
     * defaults for those it lacks, as plain values converted only when read ({@link JsonView}); nothing copied.
     */
    public Map<String, Object> view(Row row) {
        return JsonView.ofRow(row, injectedConstants);
    }

    private String visible(String publicName, String internalName) {
        if (publicName == null || hide.contains(internalName) || hide.contains(publicName)) {
            return null;
        }
        return publicName;
    }

    private static boolean containsTemplate(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue().contains("{{");
        }
        for (JsonNode child : value) {
            if (containsTemplate(child)) {
                return true;
            }
        }
        return false;
    }

    public String idField() {
        return idField;
    }

    /**
     * Whether a row is shaped alike each time: no injected template calls {@code {{random}}} and no field comes
     * from the clock ({@code fields.byClock}).
     */
    public boolean isRepeatable() {
        return repeatable;
    }

    /**
     * How lists order shaped rows by a field computed from the clock ({@code fields.byClock} with
     * {@code listOrder}), a stable order over newest-first rows; null: lists keep their own order.
     */
    public java.util.Comparator<ObjectNode> listOrder() {
        return clockFields.listOrder();
    }

    /** The public name of a stored field (after {@code rename}). */
    public String publicName(String storedField) {
        return rename.getOrDefault(storedField, storedField);
    }

    /**
     * The row as the provider shows it. Made without copying: the answer's nested values are the stored row's
     * and the injected defaults' own, so callers may change its top level (set, replace or remove fields) but
     * never change a nested value in place.
     */
    public ObjectNode shape(Row row) {
        return shape(row.storedField(idField), row.storedFields(), row.fieldCount(),
                () -> PlainValues.toPlain(row.storedFields()), row.createdAtMillis(), row.updatedAtMillis());
    }

    /**
     * {@link #shape(Row)} as JSON for a read, serialised once per row and kept with it ({@link Row#derived}): a
     * row read again and again (gets, list pages) is not shaped and serialised each time. Serialised anew each
     * time when an injected template calls {@code {{random}}}, as the shaped row then differs from one answer to
     * the next.
     */
    public SerializedJson json(Row row) {
        return repeatable ? row.derived(this, this::writtenJson) : writtenJson(row);
    }

    /**
     * {@link #shape(Row)} as JSON for a write's answer, not kept: many rows are written and never read (a row
     * created to be deleted, an update followed by another), and keeping their JSON until then costs the
     * collector more than serialising a row on its first read.
     */
    public SerializedJson writtenJson(Row row) {
        return SerializedJson.of(shape(row));
    }

    /** Shapes stored data, which the answer shares as {@link #shape(Row)}'s shares the row's. */
    public ObjectNode shape(ObjectNode data, long createdAtMillis, long updatedAtMillis) {
        return shape(data.get(idField), data.fields(), data.size(), () -> PlainValues.toPlain(data),
                createdAtMillis, updatedAtMillis);
    }

    private ObjectNode shape(JsonNode id, Iterator<Map.Entry<String, JsonNode>> stored, int storedCount,
                             Supplier<Object> item, long createdAtMillis, long updatedAtMillis) {
        // Sized for every field it may get, so the map is not rehashed twice on the way (a Stripe customer has 25).
        int fields = 3 + inject.size() + storedCount;
        ObjectNode out = new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(fields * 4 / 3 + 1));
        if (id != null && !hide.contains(idField) && !idInPlace) {
            out.set(publicName(idField), id);
        }
        Map<String, Object> model = injectIsConstant ? Map.of() : Map.of("item", item.get());
        inject.forEach((name, template) -> {
            if (!hide.contains(name)) {
                JsonNode constant = injectedConstants.get(name);
                out.set(name, constant != null ? constant : template.render(model));
            }
        });
        for (Iterator<Map.Entry<String, JsonNode>> it = stored; it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals(idField) && !idInPlace || hide.contains(name)) {
                continue;
            }
            String publicName = publicName(name);
            if (!hide.contains(publicName)) {
                out.set(publicName, field.getValue());
            }
        }
        if (createdField != null && !out.has(createdField)) {
            out.set(createdField, timestampFormat.format(createdAtMillis));
        }
        if (updatedField != null && !out.has(updatedField)) {
            out.set(updatedField, timestampFormat.format(updatedAtMillis));
        }
        for (Copy copy : copies) {
            copy(out, copy.source(), copy.path());
        }
        clockFields.apply(out);
        return order.isEmpty() ? out : inOrder(out);
    }

    /** The fields {@link #order} names in its order, then the others as they were made; the values are shared. */
    private ObjectNode inOrder(ObjectNode made) {
        ObjectNode out = new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(made.size() * 4 / 3 + 1));
        for (String name : order) {
            JsonNode value = made.get(name);
            if (value != null) {
                out.set(name, value);
            }
        }
        if (out.size() < made.size()) {
            made.fields().forEachRemaining(field -> {
                if (!out.has(field.getKey())) {
                    out.set(field.getKey(), field.getValue());
                }
            });
        }
        return out;
    }

    /** Repeats a shown field at a nested path the row lacks; the objects on the way are new, never the row's. */
    private static void copy(ObjectNode out, String source, String[] names) {
        JsonNode value = out.get(source);
        if (value == null || holds(out, names)) {
            return;
        }
        ObjectNode at = out;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode next = at.get(names[i]);
            if (next == null) {
                next = at.putObject(names[i]);
            } else if (next instanceof ObjectNode object) {
                next = object.deepCopy(); // the row's own object is shared: change a copy
                at.set(names[i], next);
            } else {
                return;
            }
            at = (ObjectNode) next;
        }
        at.set(names[names.length - 1], value);
    }

    /** Whether the row already shows a value at the path (its own is kept, nothing is copied). */
    private static boolean holds(JsonNode out, String[] names) {
        JsonNode at = out;
        for (String name : names) {
            at = at.get(name);
            if (at == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The field as an index can serve list filters on it, when a shaped row shows this stored field (under its
     * public name) with its stored value, or, when the stored row lacks it, with a constant injected default
     * (Stripe's {@code customer: null}) or not at all; and no other field the shaper adds (the id, other defaults,
     * timestamps, other renames) has a name a list filter would take for it. Empty when the shaper hides the field
     * or fills it from a template.
     */
    public Optional<FilteredField> filteredField(String storedField) {
        String shown = publicName(storedField);
        if (storedField.equals(idField) || hide.contains(storedField) || hide.contains(shown)
                || clockFields.computes(shown)) {
            return Optional.empty();
        }
        String normal = RowFilter.normalName(shown);
        List<String> added = new ArrayList<>();
        rename.forEach((stored, renamed) -> {
            if (!stored.equals(storedField)) {
                added.add(renamed);
            }
        });
        added.add(publicName(idField));
        added.add(createdField);
        added.add(updatedField);
        inject.keySet().stream().filter(name -> !name.equals(shown)).forEach(added::add);
        for (String name : added) {
            if (name != null && RowFilter.normalName(name).equals(normal)) {
                return Optional.empty();
            }
        }
        JsonTemplate injected = inject.get(shown);
        if (injected == null) {
            return Optional.of(new FilteredField(storedField, null));
        }
        return injected.isConstant() ? Optional.of(new FilteredField(storedField, injected.render(Map.of())))
                : Optional.empty();
    }
}
