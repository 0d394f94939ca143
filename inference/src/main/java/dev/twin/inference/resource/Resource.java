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
    /** Parent path parameter → the table whose live row it must name ({@link ParentRows}). */
    final TreeMap<String, ParentTable> parentTables = new TreeMap<>();
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
    /** What its creates do and answer ({@code response.create}), or null when it has none. */
    CreateRules create;
    /** The API's own answer per refused field ({@code response.errors.byParam}). */
    final Map<String, Map<String, dev.twin.replayer.config.ErrorRules.FieldRefusal>> fieldRefusals =
            new java.util.TreeMap<>();
    /** What its PUTs answer and do ({@code response.update}), or null. */
    WriteRules.Update update;
    /** What its PATCHes answer ({@code response.patch}), or null. */
    WriteRules.Patch patch;
    /** Rows keep the bytes clients write ({@code response.content}), or null. */
    WriteRules.Content content;
    /** How its deletes answered ({@code response.delete}), or null when it has none. */
    DeleteAnswer delete;
    /** The revision the server advances on every write ({@code response.revision}), or null. */
    RowStamps.Revision revision;
    /** Row fields holding the API's write counter ({@code response.writeIndex}), or null. */
    RowStamps.WriteIndex writeIndex;
    /** The media type every JSON answer showing its rows had when not the usual one, or null. */
    String mediaType;
    /** What the server does to its row fields ({@code response.fields}). */
    FieldConventions fields = FieldConventions.NONE;
    /** How its list answers ({@code response.list}), or null when it has none. */
    ListRule list;
    /** The envelope its item answers wrap the row in ({@code response.itemEnvelope}), or null. */
    ItemEnvelopeRule itemEnvelope;
    /** The most rows a list's total counted beyond those the recording had shown by then. */
    private long unseenRows;
    /** The last list answer's numbers at the total and page count fields. */
    private final Map<String, JsonNode> lastCounts = new TreeMap<>();
    /** Its items' own 404 body ({@code response.errors.bodies.NOT_FOUND}), or null: the API-wide one. */
    JsonNode ownNotFound;
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
        Map<String, Object> template = action == Action.CREATE ? (create == null ? null : create.body)
                : action == Action.UPDATE ? (update == null ? null : update.body) : null;
        if (body == null || template == null) {
            return null;
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        template.forEach((name, value) -> {
            Matcher field = value instanceof String text ? ROW_FIELD.matcher(text) : null;
            if (field != null && field.matches() && body.has(name)) {
                row.set(field.group(1), body.get(name));
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

    /** Parent path parameter → the table whose live row it must name. */
    public TreeMap<String, ParentTable> parentTables() {
        return parentTables;
    }

    /**
     * Its delete keeps the row ({@link SoftDeletes}): the operation is bound to a custom operation instead, so the
     * table's own delete action and its answer convention go.
     */
    public void deleteKeepsRow() {
        actions.remove(Action.DELETE);
        delete = null;
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
        if (itemEnvelope == null || answer == null || !answer.isObject() || before == null) {
            return;
        }
        answer.fields().forEachRemaining(member -> {
            if (member.getValue().isObject() && !member.getKey().equals(itemEnvelope.field())) {
                PreviousRowMember key = new PreviousRowMember(action, member.getKey());
                boolean held = withPathId(member.getValue()).equals(before);
                previousRows.merge(key, held ? 1L : -1_000_000L, Long::sum);
            }
        });
    }

    /** Applies what the whole recording showed once the rows were followed (the delete answers). */
    public void settle() {
        deletes.apply(this);
        Map<Action, String> previous = new java.util.EnumMap<>(Action.class);
        previousRows.forEach((key, count) -> {
            if (count > 0 && !previous.containsKey(key.action())) {
                previous.put(key.action(), key.member());
                evidence.add("item envelope: every " + key.action().yamlName() + " answer (" + count + ") held the "
                        + "row as it was before the write in '" + key.member() + "': the twin answers it there");
            }
        });
        if (!previous.isEmpty() && itemEnvelope != null) {
            itemEnvelope = itemEnvelope.withPrevious(previous);
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

    /** The {@code response:} mapping of its table. */
    public Map<String, Object> responseYaml() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!fields.isEmpty()) {
            out.put("fields", fields.toYaml());
        }
        if (list != null) {
            out.put("list", list.toYaml());
        }
        if (revision != null) {
            out.put("revision", revision.toYaml());
        }
        if (create != null) {
            out.put("create", create.toYaml());
        }
        putIfAny(out, "update", update == null ? Map.of() : update.toYaml());
        putIfAny(out, "patch", patch == null ? Map.of() : patch.toYaml());
        if (content != null) {
            out.put("content", content.toYaml());
        }
        if (delete != null) {
            out.put("delete", delete.toYaml());
        }
        if (writeIndex != null) {
            out.put("writeIndex", writeIndex.toYaml());
        }
        if (mediaType != null) {
            out.put("mediaType", mediaType);
        }
        if (itemEnvelope != null) {
            out.put("itemEnvelope", itemEnvelope.toYaml());
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        if (ownNotFound != null) {
            errors.put("bodies", Map.of("NOT_FOUND", ownNotFound));
        }
        if (!fieldRefusals.isEmpty()) {
            Map<String, Object> byParam = new LinkedHashMap<>();
            fieldRefusals.forEach((field, byRule) -> {
                Map<String, Object> rules = new LinkedHashMap<>();
                byRule.forEach((rule, refusal) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("status", refusal.status());
                    entry.put("body", refusal.body());
                    rules.put(rule, entry);
                });
                byParam.put(field, rules);
            });
            errors.put("byParam", byParam);
        }
        if (!errors.isEmpty()) {
            out.put("errors", errors);
        }
        return out;
    }

    /**
     * A list answer, beside the rows the recording had shown alive by then: a total larger than those counts rows
     * the recording never showed.
     *
     * @param knownRows the rows created or seen and not deleted, or -1 when unknown
     */
    public void listCounted(JsonNode body, int knownRows) {
        String totalField = list == null ? null : list.counts().totalField();
        if (totalField == null || totalField.contains(".") || !body.path(totalField).isIntegralNumber()) {
            return;
        }
        long total = body.path(totalField).asLong();
        if (knownRows >= 0 && total > knownRows) {
            unseenRows = Math.max(unseenRows, total - knownRows);
        }
        lastCounts.put(totalField, body.path(totalField));
        String pages = list.counts().pageCountField();
        if (pages != null && body.path(pages).isIntegralNumber()) {
            lastCounts.put(pages, body.path(pages));
        }
    }

    /**
     * When a list's total counted rows the recording never showed, the twin (which cannot count rows it never saw)
     * answers the counts as recorded instead of counting its own rows.
     */
    public void settleListCounts() {
        if (unseenRows == 0 || list == null) {
            return;
        }
        evidence.add("list counts: a total in '" + list.counts().totalField() + "' counted " + unseenRows + " row"
                + (unseenRows == 1 ? "" : "s") + " more than the recording had shown by then; the twin cannot count "
                + "rows it never saw, so " + lastCounts.keySet() + " answer the numbers last recorded (they do not "
                + "follow creates and deletes)");
        list = list.withRecordedCounts(lastCounts);
    }

    private static void putIfAny(Map<String, Object> out, String key, Map<String, Object> rule) {
        if (!rule.isEmpty()) {
            out.put(key, rule);
        }
    }

    /** Its {@code update} rule, made when it has none yet. */
    WriteRules.Update updateRule() {
        if (update == null) {
            update = new WriteRules.Update();
        }
        return update;
    }

    /** Its {@code patch} rule, made when it has none yet. */
    WriteRules.Patch patchRule() {
        if (patch == null) {
            patch = new WriteRules.Patch();
        }
        return patch;
    }

    /** Its {@code content} rule, made when it has none yet. */
    WriteRules.Content contentRule() {
        if (content == null) {
            content = new WriteRules.Content();
        }
        return content;
    }

    /** How its list answers, or null when it has none. */
    public ListRule list() {
        return list;
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
        return list == null ? null : list.dataField();
    }

    /** How the twin names a row of this table in messages: the injected `object`, else the table name. */
    public String resourceName() {
        JsonNode object = fields.inject().get("object");
        if (object != null && object.isTextual()) {
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
        List<Action> wrapped = new ArrayList<>();
        boolean someUnwrapped = false;
        Map<Action, Map<String, JsonNode>> extra = new java.util.EnumMap<>(Action.class);
        for (Map.Entry<Action, OperationStats> e : actions.entrySet()) {
            if (e.getKey() == Action.LIST) {
                continue;
            }
            var envelope = envelopes.get(e.getValue().key());
            if (envelope == null || member != null && !member.equals(envelope.member())) {
                someUnwrapped = true;
                continue;
            }
            member = envelope.member();
            wrapped.add(e.getKey());
            if (!envelope.constants().isEmpty()) {
                extra.put(e.getKey(), envelope.constants());
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
        itemEnvelope = new ItemEnvelopeRule(member, someUnwrapped ? wrapped : List.of(), extra, Map.of());
        evidence.add("item envelope: the row is answered under '" + member + "' by "
                + wrapped.stream().map(Action::yamlName).toList() + (extra.isEmpty() ? "" : ", beside the constants "
                + itemEnvelope.toYaml().get("extraFields")) + "; requests sending the row wrapped the same way are "
                + "stored unwrapped");
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
        List<Map<String, String>> writes = new ArrayList<>();
        if (create != null) {
            writes.add(create.headers);
        }
        if (update != null) {
            writes.add(update.headers);
        }
        if (patch != null) {
            writes.add(patch.headers);
        }
        writes.forEach(headers -> headers.keySet().removeIf(name -> everyAnswer.stream()
                .anyMatch(h -> h.equalsIgnoreCase(name))));
    }

    /**
     * The API's own answer per field and rule its writes were refused for, of the checks the twin makes too (a
     * required field missing, an array or a text sent empty, a value of another JSON type), under
     * {@code response.errors.byParam}: taken when every such refusal was one status and body; the twin answers it
     * instead of its own validation error.
     */
    public void takeFieldRefusals() {
        Map<String, Map<String, java.util.Set<Map.Entry<Integer, String>>>> answers = new java.util.TreeMap<>();
        for (Action action : List.of(Action.CREATE, Action.UPDATE, Action.PATCH)) {
            OperationStats op = actions.get(action);
            if (op != null) {
                op.fieldRefusals().forEach((field, byRule) -> byRule.forEach((rule, seen) -> answers
                        .computeIfAbsent(field, f -> new java.util.TreeMap<>())
                        .computeIfAbsent(rule, r -> new java.util.LinkedHashSet<>()).addAll(seen)));
            }
        }
        answers.forEach((field, byRule) -> byRule.forEach((rule, seen) -> {
            if (seen.size() != 1) {
                evidence.add("errors: '" + field + "' was refused (" + rule + ") with " + seen.size() + " different "
                        + "answers; the twin answers its own validation error for it (left for a human)");
                return;
            }
            Map.Entry<Integer, String> answer = seen.iterator().next();
            JsonNode json = dev.twin.inference.schema.BodyReader.json(dev.twin.recorder.Body.of(answer.getValue()));
            JsonNode body = json != null ? json : JsonNodeFactory.instance.textNode(answer.getValue());
            fieldRefusals.computeIfAbsent(field, f -> new java.util.TreeMap<>())
                    .put(rule, new dev.twin.replayer.config.ErrorRules.FieldRefusal(answer.getKey(), body));
            evidence.add("errors: a write refused for '" + field + "' (" + rule + ") was answered " + answer.getKey()
                    + " " + body + "; the twin answers the same when its validation refuses that field for that rule "
                    + "(low confidence: the refusal may have had another cause)");
        }));
    }

    /**
     * Its items' own 404 body ({@link ErrorConvention#notFoundBody}) under {@code response.errors.bodies}, when
     * they answered one unlike the API-wide body.
     */
    public void takeOwnNotFoundBody(JsonNode apiWide) {
        ShapeAggregate notFound = new ShapeAggregate();
        for (Action action : List.of(Action.GET, Action.UPDATE, Action.PATCH, Action.DELETE)) {
            OperationStats op = actions.get(action);
            if (op != null && op.path().template().equals(itemPath)) {
                notFound.merge(op.notFoundBodies());
            }
        }
        JsonNode own = ErrorConvention.notFoundBody(notFound, apiWide);
        if (own == null && notFound.samples() == 0 && notFoundText() != null) {
            own = JsonNodeFactory.instance.textNode(notFoundText());
        }
        if (own != null) {
            ownNotFound = own;
            evidence.add("errors: its items' 404 answers " + (own.isTextual() ? "(in plain text)"
                    : "(" + notFound.samples() + ")") + " had a body of their own: " + (own.isTextual() ? own.asText() : own));
        }
    }
}
