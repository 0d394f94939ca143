package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.Timestamps;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the spec says a resource's rows look like: the item schema (what a read answers, else a create, else an
 * update), which of its properties is the id, which holds each parent path parameter, the creation and update
 * times, and the request fields it never shows (write-only properties, fields only requests have) or shows under
 * another name (Twilio's form field {@code To} is the message's {@code to}).
 *
 * @param schemaName     the component the item schema is ({@code customer}), or null when written inline
 * @param properties     the item's properties; empty when the schema names none (any field is kept and shown)
 * @param idField        the property holding the id ({@code id}, {@code sid}, the id parameter's own name ...)
 * @param parentFields   parent path parameter → the property holding its value (itself when none does)
 * @param hidden         fields stored but never shown: write-only properties and request-only fields
 * @param renamed        a request field → the property it is shown as
 * @param ignored        request fields sent in another shape than the item has them (Stripe's {@code coupon} id
 *                       where a promotion code embeds the coupon): not kept, the item shows its default
 * @param createdField   the property holding the creation time, or null
 * @param updatedField   the property holding the last update time, or null
 * @param timeFormat     how those times are written
 */
record ItemShape(Schema<?> schema, String schemaName, Map<String, Schema<?>> properties, String idField,
                 Map<String, String> parentFields, Set<String> hidden, Map<String, String> renamed,
                 Set<String> ignored, String createdField, String updatedField, Timestamps.Format timeFormat) {

    private static final List<String> ID_NAMES = List.of("id", "sid", "uuid", "_id", "key");
    private static final Pattern CREATED = Pattern.compile(
            "(?i)created|created_?at|date_?created|creation_?(date|time)|created_?(date|time|on)|create_?time");
    private static final Pattern UPDATED = Pattern.compile(
            "(?i)updated|updated_?at|date_?updated|last_?modified|modified(_?at)?|updated_?(date|time|on)|update_?time");

    ItemShape {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        parentFields = Map.copyOf(parentFields);
        hidden = Set.copyOf(hidden);
        renamed = Map.copyOf(renamed);
        ignored = Set.copyOf(ignored);
    }

    /** The shape of a resource's rows, or empty when no operation documents an object for them. */
    static Optional<ItemShape> of(SpecResource resource, SchemaLookup schemas) {
        String singular = singular(TableNames.words(resource));
        Schema<?> branch = null;
        for (Binding.Action action : List.of(Binding.Action.GET, Binding.Action.CREATE, Binding.Action.PATCH,
                Binding.Action.UPDATE)) {
            Optional<ApiOperation> operation = resource.operation(action);
            if (operation.isPresent()) {
                branch = schemas.objectBranch(OperationBodies.schema(operation.get()), singular);
                if (branch != null) {
                    break;
                }
            }
        }
        Schema<?> schema = schemas.resolve(branch);
        if (schema == null) {
            return Optional.empty();
        }
        Map<String, Schema<?>> properties = schemas.properties(schema);
        String idField = idField(resource.idParam(), properties);
        Map<String, String> parents = new LinkedHashMap<>();
        for (String parent : resource.parentParams()) {
            String field = FieldNames.match(parent, properties.keySet());
            parents.put(parent, field == null || field.equals(idField) ? parent : field);
        }
        Set<String> hidden = new LinkedHashSet<>();
        properties.forEach((name, property) -> {
            Schema<?> resolved = schemas.resolve(property);
            if (Boolean.TRUE.equals(property.getWriteOnly())
                    || resolved != null && Boolean.TRUE.equals(resolved.getWriteOnly())) {
                hidden.add(name);
            }
        });
        Map<String, String> renamed = new LinkedHashMap<>();
        Set<String> ignored = new LinkedHashSet<>();
        if (!properties.isEmpty()) {
            for (SpecResource.Operation write : resource.operations()) {
                if (write.action() == Binding.Action.CREATE || write.action() == Binding.Action.PATCH
                        || write.action() == Binding.Action.UPDATE) {
                    requestFields(write.operation(), schemas, properties, parents, idField,
                            new RequestFields(hidden, renamed, ignored));
                }
            }
        }
        String created = timeField(properties, CREATED);
        String updated = timeField(properties, UPDATED);
        Timestamps.Format format = timeFormat(created != null ? properties.get(created)
                : updated != null ? properties.get(updated) : null, schemas);
        return Optional.of(new ItemShape(schema, SchemaLookup.refName(branch), properties, idField, parents, hidden,
                renamed, ignored, created, updated, format));
    }

    /** {@code bank_account} of the words {@code [customers, bank_accounts]}: what one row is called. */
    static String singular(List<String> words) {
        String last = words.get(words.size() - 1);
        if (last.endsWith("ies")) {
            return last.substring(0, last.length() - 3) + "y";
        }
        if (last.endsWith("sses") || last.endsWith("xes")) {
            return last.substring(0, last.length() - 2);
        }
        return last.endsWith("s") && !last.endsWith("ss") ? last.substring(0, last.length() - 1) : last;
    }

    /**
     * The id property: the id parameter's own name ({@code {Sid}} is {@code sid}), else {@code id}, {@code sid} ...,
     * else the parameter without its resource prefix ({@code {petId}} → {@code id}); {@code id} when the schema
     * names none of them (the row then carries one anyway).
     */
    private static String idField(String idParam, Map<String, Schema<?>> properties) {
        String own = FieldNames.match(idParam, properties.keySet());
        if (own != null) {
            return own;
        }
        for (String name : ID_NAMES) {
            if (properties.containsKey(name)) {
                return name;
            }
        }
        return "id";
    }

    /** What becomes of the fields writes send: hidden, shown under another name, or not kept. */
    private record RequestFields(Set<String> hidden, Map<String, String> renamed, Set<String> ignored) {
    }

    /**
     * Fields a write sends: kept as they are when the item has them in a shape the value fits, shown under the
     * item's name for them ({@code To} as {@code to}), hidden when the item has no such field, not kept when the item
     * has it in another shape (an id sent where the item embeds the object).
     */
    private static void requestFields(ApiOperation write, SchemaLookup schemas, Map<String, Schema<?>> properties,
                                      Map<String, String> parents, String idField, RequestFields into) {
        Schema<?> request = OperationBodies.requestSchema(write);
        if (request == null) {
            return;
        }
        for (Map.Entry<String, Schema<?>> sent : schemas.properties(schemas.resolve(request)).entrySet()) {
            String field = sent.getKey();
            if (field.equals("expand") || parents.containsValue(field) || field.equals(idField)) {
                continue;
            }
            String shownAs = properties.containsKey(field) ? field : FieldNames.match(field, properties.keySet());
            if (shownAs == null) {
                into.hidden().add(field);
            } else if (!schemas.fits(sent.getValue(), properties.get(shownAs))) {
                into.ignored().add(field);
            } else if (!shownAs.equals(field) && !shownAs.equals(idField) && !into.renamed().containsValue(shownAs)) {
                into.renamed().put(field, shownAs);
            }
        }
    }

    private static String timeField(Map<String, Schema<?>> properties, Pattern names) {
        for (String name : properties.keySet()) {
            if (names.matcher(name).matches()) {
                return name;
            }
        }
        return null;
    }

    /** Seconds since the epoch for numbers (Stripe), RFC 2822 for Twilio's format, else ISO 8601. */
    private static Timestamps.Format timeFormat(Schema<?> property, SchemaLookup schemas) {
        Schema<?> resolved = schemas.resolve(property);
        if (resolved == null) {
            return Timestamps.Format.ISO8601;
        }
        String type = SchemaLookup.type(resolved);
        String format = resolved.getFormat() == null ? "" : FieldNames.lower(resolved.getFormat());
        if ("integer".equals(type) || "number".equals(type) || format.contains("unix")) {
            return Timestamps.Format.UNIX;
        }
        return format.contains("2822") ? Timestamps.Format.RFC2822 : Timestamps.Format.ISO8601;
    }

    /**
     * Whether the resource's POST makes one of its items: it answers nothing, or an object with the item's id
     * (Twilio's {@code POST /OutgoingCallerIds.json} answers a validation request instead, without a sid).
     */
    static boolean createMakesItem(SpecResource resource, ItemShape item, SchemaLookup schemas) {
        Optional<ApiOperation> create = resource.operation(Binding.Action.CREATE);
        if (create.isEmpty()) {
            return false;
        }
        Schema<?> answered = OperationBodies.schema(create.get());
        if (answered == null || !item.closed()) {
            return true;
        }
        Schema<?> object = schemas.objectSchema(answered, singular(TableNames.words(resource)));
        return object != null && schemas.properties(object).containsKey(item.idField());
    }

    /** Whether the schema lists its properties (an open object keeps and shows any field). */
    boolean closed() {
        return !properties.isEmpty();
    }
}
