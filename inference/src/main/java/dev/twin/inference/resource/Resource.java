package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.operation.ItemEnvelope;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.schema.ShapeAggregate;
import dev.twin.replayer.config.Binding.Action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful resource: a collection path plus its item path, the operations bound to it and the decisions taken
 * about it (id field and shape, references, response conventions), each with its evidence for the report.
 */
public final class Resource {
    /** A template value that is one row field: {@code {{item._rev}}}. */
    private static final Pattern ROW_FIELD = Pattern.compile("\\{\\{item\\.([^{}\\s]+)}}");

    final String table;
    final String collectionPath;
    final String itemPath;
    final TableActions actions = new TableActions();
    /** Operations on the same rows under a parent ({@code /posts/{post}/comments}), after the main actions. */
    final List<ResourceBinding> underParents = new ArrayList<>();
    /**
     * Parent path parameter → the table whose live row it must name, or {@code {table, notFound}} with the body the
     * refusals answered ({@link ParentRows}).
     */
    final TreeMap<String, Object> parentTables = new TreeMap<>();
    /** Lists showing these rows in a shape of their own ({@link ListViews}). */
    final List<ResourceBinding> views = new ArrayList<>();
    /** The row field holding a revision the server advances on every write ({@code _rev}), or null. */
    String revisionField;
    /** Sequence ids: whether they are JSON numbers, and the first one the recording's creates minted (0 = none). */
    boolean numericIds;
    long firstCreatedId;
    final ShapeAggregate itemShape = new ShapeAggregate();
    String idField = "id";
    IdShape idShape;
    final TreeMap<String, String> references = new TreeMap<>();
    /** The table's `response:` conventions, in twin.yaml key order. */
    final Map<String, Object> response = new LinkedHashMap<>();
    /** Timestamp fields: createdAt/updatedAt → field name and the format seen. */
    final TreeMap<String, String> timestampFields = new TreeMap<>();
    String timestampFormat;
    String componentName;
    final List<String> evidence = new ArrayList<>();
    /** "action member" → answers whose member held the row before the write (a miss counts far below zero). */
    /** Per write and envelope member, +1 for an answer holding the row as it was before, a veto otherwise. */
    private final Map<PreviousRowMember, Long> previousRows = new TreeMap<>(java.util.Comparator
            .comparing((PreviousRowMember m) -> m.action().yamlName()).thenComparing(PreviousRowMember::member));

    /** An envelope member that may hold the row before a write ({@code prevNode} of an etcd delete). */
    private record PreviousRowMember(Action action, String member) {
    }
    /** A field holding a constant path plus the id ({@code key: /app/jobs/}), when rows are named so; or null. */
    Map.Entry<String, String> pathKey;
    /** No answer showing a row held the id field: the id lives only in the item path, and answers hide it. */
    boolean idOnlyInPath;
    private final DeleteEvidence deletes = new DeleteEvidence();
    /** Create answers with more than the id: how many carried the id field last, and how many elsewhere. */
    private int idLastAnswers;
    private int idElsewhereAnswers;
    /** {@code tables[].embed}: the query parameter, and child table → the field holding this row's id. */
    String embedParam;
    final TreeMap<String, String> embedChildren = new TreeMap<>();

    Resource(String table, String collectionPath, String itemPath) {
        this.table = table;
        this.collectionPath = collectionPath;
        this.itemPath = itemPath;
    }

    public String table() {
        return table;
    }

    public String collectionPath() {
        return collectionPath;
    }

    public String itemPath() {
        return itemPath;
    }

    public TableActions actions() {
        return actions;
    }

    /** Every bound operation: the main actions by name, then those under parents, then the views. */
    public List<ResourceBinding> bindings() {
        List<ResourceBinding> out = new ArrayList<>();
        actions.forEach((action, op) -> out.add(new ResourceBinding(action, op, Map.of())));
        out.addAll(underParents);
        out.addAll(views);
        return out;
    }

    /**
     * The row fields a write's acknowledgement names through the write's answer template ({@code {ok, id, rev}}
     * with {@code id: "{{item._id}}"} gives {@code {_id, _rev}}), or null when the action answers no template or the
     * body holds none of its fields.
     */
    public ObjectNode acknowledgedRow(Action action, JsonNode body) {
        if (body == null || !(response.get(action.yamlName()) instanceof Map<?, ?> rule)
                || !(rule.get("body") instanceof Map<?, ?> template)) {
            return null;
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        template.forEach((name, value) -> {
            Matcher field = value instanceof String text ? ROW_FIELD.matcher(text) : null;
            if (field != null && field.matches() && body.has((String) name)) {
                row.set(field.group(1), body.get((String) name));
            }
        });
        return row.isEmpty() ? null : row;
    }

    /** Whether every operation of this resource is one list (a candidate {@link ListViews view}). */
    boolean onlyLists() {
        return actions.size() == 1 && actions.containsKey(Action.LIST) && underParents.isEmpty() && views.isEmpty();
    }

    /** The query parameter that embeds child rows, or null. */
    public String embedParam() {
        return embedParam;
    }

    /** Child table → its field holding this row's id. */
    public TreeMap<String, String> embedChildren() {
        return embedChildren;
    }

    /** Parent path parameter → the table whose live row it must name (or {@code {table, notFound}}). */
    public TreeMap<String, Object> parentTables() {
        return parentTables;
    }

    /**
     * Its delete keeps the row ({@link SoftDeletes}): the operation is bound to a custom operation instead, so the
     * table's own delete action and its answer convention go.
     */
    public void deleteKeepsRow() {
        actions.remove(Action.DELETE);
        response.remove("delete");
    }

    /** What the deletes answered, compared with the rows they deleted. */
    public DeleteEvidence deletes() {
        return deletes;
    }

    /**
     * A write's recorded answer beside its enveloped row, against the row as last seen before the write: a member
     * of the answer that held that row (etcd's {@code prevNode}) is the row before the write.
     *
     * @param action the bound action (patch, update, delete)
     * @param answer the answer as recorded, envelope and all
     * @param before the row as last seen before the write, or null when unknown
     */
    public void previousRowAnswered(Action action, JsonNode answer, JsonNode before) {
        if (!(response.get("itemEnvelope") instanceof Map<?, ?> envelope) || answer == null || !answer.isObject()
                || before == null) {
            return;
        }
        answer.fields().forEachRemaining(member -> {
            if (member.getValue().isObject() && !member.getKey().equals(envelope.get("field"))) {
                PreviousRowMember key = new PreviousRowMember(action, member.getKey());
                boolean held = withPathId(member.getValue()).equals(before);
                previousRows.merge(key, held ? 1L : -1_000_000L, Long::sum);
            }
        });
    }

    /** Applies what the whole recording showed once the rows were followed (the delete answers). */
    public void settle() {
        deletes.apply(this);
        Map<String, String> previous = new TreeMap<>();
        previousRows.forEach((key, count) -> {
            String action = key.action().yamlName();
            if (count > 0 && !previous.containsKey(action)) {
                previous.put(action, key.member());
                evidence.add("item envelope: every " + action + " answer (" + count + ") held the row "
                        + "as it was before the write in '" + key.member() + "': the twin answers it there");
            }
        });
        if (!previous.isEmpty() && response.get("itemEnvelope") instanceof Map<?, ?> envelope) {
            @SuppressWarnings("unchecked")
            Map<String, Object> rule = (Map<String, Object>) envelope;
            rule.put("previous", previous);
        }
        if (idLast()) {
            evidence.add("id position: all " + idLastAnswers + " create answers carry " + idField
                    + " last, after the fields sent (idPosition: last)");
        }
    }

    /** One answer to a create of this table's rows, for where the server puts the id field. */
    public void createAnswered(JsonNode body) {
        // a hidden id named by a path (pathKey) has no position in the answers
        if (!body.isObject() || body.size() < 2 || !body.has(idField) || pathKey != null) {
            return;
        }
        String last = null;
        for (var names = body.fieldNames(); names.hasNext(); ) {
            last = names.next();
        }
        if (idField.equals(last)) {
            idLastAnswers++;
        } else {
            idElsewhereAnswers++;
        }
    }

    /** The server writes the id after the fields sent ({@code {...body, id}}) in every create answer seen. */
    public boolean idLast() {
        return idLastAnswers > 0 && idElsewhereAnswers == 0;
    }

    public boolean numericIds() {
        return numericIds;
    }

    /** The first id the recording's creates minted (sequence ids only), or 0. */
    public long firstCreatedId() {
        return firstCreatedId;
    }

    public void firstCreatedId(long id) {
        firstCreatedId = id;
    }

    public ShapeAggregate itemShape() {
        return itemShape;
    }

    public String idField() {
        return idField;
    }

    public IdShape idShape() {
        return idShape;
    }

    public TreeMap<String, String> references() {
        return references;
    }

    public Map<String, Object> response() {
        return response;
    }

    public String timestampFormat() {
        return timestampFormat;
    }

    public TreeMap<String, String> timestampFields() {
        return timestampFields;
    }

    public String componentName() {
        return componentName;
    }

    public List<String> evidence() {
        return evidence;
    }

    /** The list operation's envelope field holding the rows, or null when it has no list. */
    public String dataField() {
        Object list = response.get("list");
        return list instanceof Map<?, ?> m ? (String) m.get("dataField") : null;
    }

    /** How the twin names a row of this table in messages: the injected `object`, else the table name. */
    public String resourceName() {
        Object fields = response.get("fields");
        if (fields instanceof Map<?, ?> f && f.get("inject") instanceof Map<?, ?> inject
                && inject.get("object") instanceof com.fasterxml.jackson.databind.JsonNode object && object.isTextual()) {
            return object.asText();
        }
        return table;
    }

    /**
     * The item envelope its bound item operations answered in, as {@code response.itemEnvelope}: the member,
     * the actions wrapped (when not every item action bound was), and each one's constant members.
     *
     * @param envelopes by "METHOD template" ({@link dev.twin.inference.operation.ItemEnvelopes#detect})
     */
    public void itemEnvelope(Map<String, ItemEnvelope> envelopes) {
        String member = null;
        List<String> wrapped = new ArrayList<>();
        List<String> unwrapped = new ArrayList<>();
        Map<String, Object> extra = new TreeMap<>();
        for (Map.Entry<Action, OperationStats> e : actions.entrySet()) {
            if (e.getKey() == Action.LIST) {
                continue;
            }
            var envelope = envelopes.get(e.getValue().key());
            if (envelope == null || member != null && !member.equals(envelope.member())) {
                unwrapped.add(e.getKey().yamlName());
                continue;
            }
            member = envelope.member();
            wrapped.add(e.getKey().yamlName());
            if (!envelope.constants().isEmpty()) {
                extra.put(e.getKey().yamlName(), new TreeMap<>(envelope.constants()));
            }
            if (!envelope.leftOut().isEmpty()) {
                evidence.add("item envelope: " + e.getKey() + " answers also held " + envelope.leftOut()
                        + ", which varied: left out unless they held the row as it was before the write (below)");
            }
            if (wrapped.size() == 1) {
                evidence.add("item envelope: " + envelope.evidence());
            }
        }
        if (member == null) {
            return;
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("field", member);
        if (!unwrapped.isEmpty()) {
            rule.put("actions", wrapped);
        }
        if (!extra.isEmpty()) {
            rule.put("extraFields", extra);
        }
        response.put("itemEnvelope", rule);
        evidence.add("item envelope: the row is answered under '" + member + "' by " + wrapped
                + (extra.isEmpty() ? "" : ", beside the constants " + extra) + "; requests sending the row wrapped "
                + "the same way are stored unwrapped");
    }

    /**
     * The row with its hidden id when rows name themselves by a path ending with it ({@code key: /app/jobs/7}
     * gives {@code id: "7"}), as the twin stores them; the row itself otherwise.
     */
    public JsonNode withPathId(JsonNode row) {
        if (pathKey == null || !(row instanceof ObjectNode object) || object.has(idField)) {
            return row;
        }
        JsonNode key = object.get(pathKey.getKey());
        if (key == null || !key.isTextual() || !key.asText().startsWith(pathKey.getValue())
                || key.asText().length() == pathKey.getValue().length()) {
            return row;
        }
        var copy = object.deepCopy();
        copy.put(idField, key.asText().substring(pathKey.getValue().length()));
        return copy;
    }

    /** The operation whose responses are this resource's rows (for the named component). */
    public boolean isItemAction(Action action) {
        return action == Action.GET || action == Action.CREATE || action == Action.PATCH || action == Action.UPDATE;
    }

    /**
     * The one plain-text 404 its items answered ({@code No folder with given ID}, the id as
     * {@code {{request.lastSegment}}}), or null when they answered none, several, or one not in plain text.
     */
    private String notFoundText() {
        Set<String> texts = new java.util.HashSet<>();
        for (Action action : List.of(Action.GET, Action.UPDATE, Action.PATCH, Action.DELETE)) {
            OperationStats op = actions.get(action);
            if (op != null && op.path().template().equals(itemPath)) {
                texts.addAll(op.notFoundTexts());
            }
        }
        return texts.size() == 1 && !texts.contains("") ? texts.iterator().next() : null;
    }

    /** Drops from the writes' answer headers those every answer of the API sent (server.headers sends them). */
    public void dropAnswerHeaders(Set<String> everyAnswer) {
        for (String write : List.of("create", "update", "patch")) {
            if (response.get(write) instanceof Map<?, ?> rule && rule.get("headers") instanceof Map<?, ?> headers) {
                headers.keySet().removeIf(name -> everyAnswer.stream()
                        .anyMatch(h -> h.equalsIgnoreCase((String) name)));
                if (headers.isEmpty()) {
                    rule.remove("headers");
                }
            }
        }
    }

    /**
     * Its items' own 404 body ({@link ErrorConvention#notFoundBody}) under {@code response.errors.bodies}, when
     * they answered one unlike the API-wide body.
     */
    public void takeOwnNotFoundBody(Object apiWide) {
        ShapeAggregate notFound = new ShapeAggregate();
        for (Action action : List.of(Action.GET, Action.UPDATE, Action.PATCH, Action.DELETE)) {
            OperationStats op = actions.get(action);
            if (op != null && op.path().template().equals(itemPath)) {
                notFound.merge(op.notFoundBodies());
            }
        }
        Object own = ErrorConvention.notFoundBody(notFound, apiWide);
        if (own == null && notFound.samples() == 0) {
            own = notFoundText();
        }
        if (own != null) {
            response.put("errors", Map.of("bodies", Map.of("NOT_FOUND", own)));
            evidence.add("errors: its items' 404 answers " + (own instanceof String ? "(in plain text)"
                    : "(" + notFound.samples() + ")") + " had a body of their own: " + own);
        }
    }
}
