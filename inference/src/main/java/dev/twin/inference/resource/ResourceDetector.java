package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.twin.inference.operation.AnswerHeaders;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;
import dev.twin.inference.operation.WriteSample;
import dev.twin.inference.path.ParamNames;
import dev.twin.inference.path.PathTrie;
import dev.twin.inference.schema.ShapeAggregate;
import dev.twin.inference.transition.CreateDerivation;
import dev.twin.replayer.config.Binding.Action;
import dev.twin.replayer.internal.http.MediaTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the stateful resources in the merged operations: an item path ({@code .../customers/{customer}}) and its
 * collection ({@code .../customers}), then the id field, id shape, references and per-table conventions.
 */
public final class ResourceDetector {
    private static final List<String> CREATED = List.of("created", "created_at", "createdAt", "date_created",
            "dateCreated", "creation_date", "created_date", "createdDate", "inserted_at");
    private static final List<String> UPDATED = List.of("updated", "updated_at", "updatedAt", "date_updated",
            "dateUpdated", "modified", "modified_at", "last_modified", "updated_date", "updatedDate");
    private static final List<String> ID_NAMES = List.of("id", "sid", "uuid", "Id", "ID", "key", "name");
    private static final Pattern TABLE_CHARS = Pattern.compile("[^a-z0-9_-]");

    private ResourceDetector() {
    }

    /**
     * The collection path an item path in the singular belongs to ({@code /api/v2/silences} for
     * {@code /api/v2/silence/{silence}}): the parent literal in the plural ({@code s}, {@code es}, {@code y} →
     * {@code ies}), when such a path was recorded; null otherwise.
     */
    private static String pluralCollection(List<String> segments, String suffix,
                                           TreeMap<String, TreeMap<String, OperationStats>> operations) {
        String one = segments.get(segments.size() - 2);
        String prefix = "/" + String.join("/", segments.subList(0, segments.size() - 2));
        prefix = prefix.equals("/") ? "" : prefix;
        List<String> plurals = new ArrayList<>(List.of(one + "s", one + "es"));
        if (one.endsWith("y") && one.length() > 1) {
            plurals.add(one.substring(0, one.length() - 1) + "ies");
        }
        for (String many : plurals) {
            String collection = prefix + "/" + many + suffix;
            if (operations.containsKey(collection)) {
                return collection;
            }
        }
        return null;
    }

    /** @param operations by "template METHOD"; only 2xx-answering operations are bound */
    public static List<Resource> detect(TreeMap<String, TreeMap<String, OperationStats>> operations) {
        return detect(operations, Set.of());
    }

    /**
     * @param bytesRows item paths whose reads answer bytes another write stored ({@link ContentLinks}): their GET is
     *                  a read of a row though no answer was JSON
     */
    public static List<Resource> detect(TreeMap<String, TreeMap<String, OperationStats>> operations,
                                        Set<String> bytesRows) {
        TreeMap<String, Resource> byTable = new TreeMap<>();
        Set<String> claimed = new HashSet<>();
        for (String item : operations.keySet()) {
            List<String> segments = PathTrie.segments(item);
            if (segments.size() < 2) {
                continue;
            }
            String last = segments.get(segments.size() - 1);
            String parent = segments.get(segments.size() - 2);
            if (!last.startsWith("{") || listsNamedRows(item, operations)) {
                continue;
            }
            String suffix = last.substring(last.indexOf('}') + 1);
            String collection = "/" + String.join("/", segments.subList(0, segments.size() - 1)) + suffix;
            String everyParent = null;
            if (parent.startsWith("{")) {
                // rows named within a parent (/api/queues/{vhost}/{queue}): the table is named by the literal
                // before the parent, and that literal's own list (/api/queues) lists the rows of every parent
                if (segments.size() < 3 || segments.get(segments.size() - 3).startsWith("{")) {
                    continue;
                }
                everyParent = "/" + String.join("/", segments.subList(0, segments.size() - 2));
                parent = segments.get(segments.size() - 3);
            }
            if (everyParent == null && !operations.containsKey(collection)) {
                // Alertmanager's /api/v2/silence/{id} beside /api/v2/silences: the item path names one, the
                // collection many
                String plural = pluralCollection(segments, suffix, operations);
                if (plural != null) {
                    collection = plural;
                    parent = PathTrie.segments(plural).get(segments.size() - 2);
                }
            }
            String table = tableName(parent, segments, byTable);
            Resource resource = new Resource(table, collection, item);
            bind(resource, operations.get(item), true, bytesRows.contains(item));
            TreeMap<String, OperationStats> collectionOps = operations.get(collection);
            if (collectionOps != null) {
                bind(resource, collectionOps, false, false);
            }
            if (everyParent != null && operations.containsKey(everyParent)
                    && listsRows(operations.get(everyParent).get("GET"))) {
                OperationStats all = operations.get(everyParent).get("GET");
                resource.underParents.add(new ResourceBinding(Action.LIST, all, Map.of()));
                resource.evidence.add("list of every parent's rows: GET " + everyParent);
                claimed.add(everyParent);
            }
            if (!resource.actions.containsKey(Action.GET) && !resource.actions.containsKey(Action.CREATE)) {
                continue;
            }
            byTable.put(table, resource);
            claimed.add(item);
            claimed.add(collection);
        }
        collectionsWithoutItems(operations, byTable, claimed);
        List<Resource> resources = new ArrayList<>();
        for (Resource resource : byTable.values()) {
            describe(resource);
            if (!resource.actions.isEmpty() || !resource.underParents.isEmpty()) {
                resources.add(resource);
            }
        }
        Set<String> names = new HashSet<>();
        for (Resource resource : resources) {
            references(resource, resources);
            embeds(resource, resources);
            String base = resource.componentName;
            for (int n = 2; !names.add(resource.componentName); n++) {
                resource.componentName = base + n;
            }
        }
        return resources;
    }

    /**
     * True when a variable follows the path ({@code /api/queues/{vhost}} before {@code /api/queues/{vhost}/{queue}}):
     * the path is the collection of rows named within a parent, not an item itself.
     */
    private static boolean listsNamedRows(String path, TreeMap<String, TreeMap<String, OperationStats>> operations) {
        String prefix = path + "/{";
        for (String other : operations.tailMap(prefix).keySet()) {
            if (!other.startsWith(prefix)) {
                return false;
            }
            String rest = other.substring(path.length() + 1);
            if (rest.indexOf('/') < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Collections whose items were never read by path: {@code POST /comments} with {@code GET /comments}, a
     * read-only {@code GET /users} listing rows with ids, and lists under a parent ({@code /posts/{post}/comments})
     * of rows another collection holds, bound with the row field the parent parameter fills.
     */
    private static void collectionsWithoutItems(TreeMap<String, TreeMap<String, OperationStats>> operations,
                                                TreeMap<String, Resource> byTable, Set<String> claimed) {
        List<String> underParents = new ArrayList<>();
        for (String collection : operations.keySet()) {
            List<String> segments = PathTrie.segments(collection);
            if (claimed.contains(collection) || segments.isEmpty()
                    || segments.get(segments.size() - 1).startsWith("{")) {
                continue;
            }
            if (segments.stream().anyMatch(s -> s.startsWith("{"))) {
                underParents.add(collection);
                continue;
            }
            TreeMap<String, OperationStats> ops = operations.get(collection);
            if (!holdsRows(ops)) {
                continue;
            }
            String table = tableName(segments.get(segments.size() - 1), segments, byTable);
            Resource resource = new Resource(table, collection, collection + "/{id}");
            bind(resource, ops, false, false);
            byTable.put(table, resource);
            claimed.add(collection);
        }
        for (String path : underParents) {
            List<String> segments = PathTrie.segments(path);
            String last = segments.get(segments.size() - 1);
            Resource owner = byTable.values().stream()
                    .filter(r -> PathTrie.segments(r.collectionPath).stream().noneMatch(s -> s.startsWith("{"))
                            && r.collectionPath.endsWith("/" + last))
                    .findFirst().orElse(null);
            TreeMap<String, OperationStats> ops = operations.get(path);
            OperationStats post = ops.get("POST");
            if (post != null && ID_NAMES.stream().anyMatch(id -> post.echoesOfLastParam().getOrDefault(id, 0L) > 0)) {
                // POST /payment_intents/{intent}/confirm answers the parent row itself: an action, not a collection
                continue;
            }
            if (owner == null) {
                // under a parent, only a listing of rows shows a collection (a POST alone may be an action)
                if (!listsRows(ops.get("GET"))) {
                    continue;
                }
                String table = tableName(last, segments, byTable);
                owner = new Resource(table, path, path + "/{id}");
                byTable.put(table, owner);
            }
            OperationStats list = ops.get("GET");
            Map<String, String> parentFields = parentFields(list, owner);
            for (OperationStats op : ops.values()) {
                Action action = op.mainSuccessStatus() == 0 ? null
                        : op.method().equals("GET") ? Action.LIST : op.method().equals("POST") ? Action.CREATE : null;
                if (action == null) {
                    continue;
                }
                if (owner.collectionPath.equals(path)) {
                    owner.actions.put(action, op);
                } else {
                    owner.underParents.add(new ResourceBinding(action, op, parentFields));
                    owner.evidence.add(action.yamlName() + " under a parent: " + op.method() + " " + path
                            + (parentFields.isEmpty() ? "" : ", " + parentFields + " (the row field held the path "
                            + "parameter in every listed row)"));
                }
            }
            claimed.add(path);
        }
    }

    /** Each path parameter of the list to the row field that held its value in every row listed. */
    private static Map<String, String> parentFields(OperationStats list, Resource owner) {
        Map<String, String> out = new LinkedHashMap<>();
        if (list == null) {
            return out;
        }
        for (String param : list.path().params()) {
            String field = list.listEvidence().fieldHolding(param);
            if (field != null && !field.equals(param)) {
                out.put(param, field);
            }
        }
        return out;
    }

    /** A create answering an object, or a list of objects that each carry an id-like field. */
    private static boolean holdsRows(TreeMap<String, OperationStats> ops) {
        return createAnswersRow(ops.get("POST")) || listsRows(ops.get("GET"));
    }

    private static boolean createAnswersRow(OperationStats create) {
        if (create == null || create.mainSuccessStatus() == 0) {
            return false;
        }
        ResponseStats ok = create.responses().get(create.mainSuccessStatus());
        return ok.hasJson() && ok.body().isObject() && ID_NAMES.stream().anyMatch(ok.body()::alwaysPresent);
    }

    /** A bare array of objects with ids, or an object whose largest array holds such objects. */
    private static boolean listsRows(OperationStats list) {
        if (list == null || list.mainSuccessStatus() == 0) {
            return false;
        }
        ShapeAggregate body = list.responses().get(list.mainSuccessStatus()).body();
        ShapeAggregate rows = body.isArray() ? body.items() : null;
        if (body.isObject()) {
            for (ShapeAggregate field : body.properties().values()) {
                if (field.isArray() && field.items() != null && (rows == null || field.samples() > rows.samples())) {
                    rows = field.items();
                }
            }
        }
        return rows != null && rows.isObject() && ID_NAMES.stream().anyMatch(rows::alwaysPresent);
    }

    private static void bind(Resource resource, TreeMap<String, OperationStats> ops, boolean item,
                             boolean bytesRows) {
        for (OperationStats op : ops.values()) {
            if (op.mainSuccessStatus() == 0) {
                continue;
            }
            Action action = switch (op.method()) {
                // an item path answering a list is a collection under a parent (/q/{queue} listing bindings)
                case "GET" -> item ? (op.successObjects() > 0 || bytesRows ? Action.GET : null) : Action.LIST;
                // a POST to an item that answers 201 creates something under it; an update answers 200
                case "POST" -> item ? (ops.containsKey("PATCH") || op.mainSuccessStatus() == 201 ? null : Action.PATCH)
                        : Action.CREATE;
                case "PATCH" -> item ? Action.PATCH : null;
                case "PUT" -> item ? Action.UPDATE : null;
                case "DELETE" -> item ? Action.DELETE : null;
                default -> null;
            };
            if (action != null) {
                resource.actions.put(action, op);
            }
        }
    }

    private static String tableName(String parent, List<String> segments, Map<String, Resource> taken) {
        String base = TABLE_CHARS.matcher(parent.replaceAll("\\.(json|xml)$", "").toLowerCase(Locale.ROOT))
                .replaceAll("_");
        base = base.replaceAll("^[_-]+", "");
        if (base.isEmpty()) {
            base = "rows";
        }
        String name = base;
        for (int i = segments.size() - 3; taken.containsKey(name) && i >= 0; i--) {
            String before = segments.get(i);
            if (!before.startsWith("{")) {
                name = TABLE_CHARS.matcher(before.toLowerCase(Locale.ROOT)).replaceAll("_") + "_" + name;
            }
        }
        for (int n = 2; taken.containsKey(name); n++) {
            name = base + n;
        }
        return name;
    }

    private static void describe(Resource resource) {
        ListRule list = null;
        // the table's list convention comes from its own list, else from a list under a parent
        OperationStats listOp = resource.actions.get(Action.LIST);
        if (listOp == null) {
            listOp = resource.underParents.stream().filter(b -> b.action() == Action.LIST)
                    .map(ResourceBinding::op).findFirst().orElse(null);
        }
        if (listOp != null) {
            list = ListConvention.detect(listOp, resource);
            if (list == null) {
                resource.actions.remove(Action.LIST);
                resource.underParents.removeIf(b -> b.action() == Action.LIST);
            } else {
                ShapeAggregate rows = ListConvention.rows(listOp, list.dataField());
                if (rows != null && rows.isObject()) {
                    resource.itemShape.merge(rows);
                }
            }
        }
        OperationStats putting = resource.actions.get(Action.UPDATE);
        // a PUT answered with an acknowledgement ({ok, id, rev}) shows nothing of the row it stored
        boolean acknowledgedPut = putting != null && WriteAcknowledgement.all(putting.writes(), Set.of("expand"));
        OperationStats posting = resource.actions.get(Action.CREATE);
        boolean acknowledgedPost = posting != null && WriteAcknowledgement.all(posting.writes(), Set.of("expand"));
        for (Map.Entry<Action, OperationStats> e : resource.actions.entrySet()) {
            boolean acknowledgement = acknowledgedPut && e.getKey() == Action.UPDATE
                    || acknowledgedPost && e.getKey() == Action.CREATE;
            if (resource.isItemAction(e.getKey()) && !acknowledgement) {
                ResponseStats ok = e.getValue().responses().get(e.getValue().mainSuccessStatus());
                if (ok != null && ok.body().isObject()) {
                    resource.itemShape.merge(ok.body());
                }
            }
        }
        idField(resource, acknowledgedPut);
        revision(resource);
        TreeSet<String> ids = new TreeSet<>();
        for (Action action : List.of(Action.GET, Action.PATCH, Action.UPDATE, Action.DELETE)) {
            OperationStats op = resource.actions.get(action);
            if (op != null) {
                ids.addAll(op.lastParamValues());
            }
        }
        OperationStats creates = resource.actions.get(Action.CREATE);
        if (ids.isEmpty() && creates != null) {
            // never read by path: the ids the creates answered show the shape
            ids.addAll(creates.idValues(resource.idField));
        }
        ShapeAggregate idValues = resource.itemShape.properties().get(resource.idField);
        boolean integerIds = idValues != null && idValues.onlyIntegers();
        resource.idShape = ids.isEmpty() && integerIds
                ? new IdShape("sequence", null, 0, null, null, "no item read by path; every '" + resource.idField
                        + "' seen is an integer")
                : IdShape.of(ids);
        resource.numericIds = integerIds && resource.idShape.strategy().equals("sequence");
        if (resource.numericIds) {
            resource.evidence.add("id type: integer — every '" + resource.idField + "' in answers is a JSON number");
        }
        resource.evidence.add("id shape: " + resource.idShape.strategy() + " — " + resource.idShape.evidence());
        timestamps(resource);
        if (list != null) {
            list = ListConvention.order(listOp, resource, list);
        }
        Set<String> skip = new HashSet<>(List.of(resource.idField, "expand"));
        OperationStats creating = resource.actions.get(Action.CREATE);
        boolean acknowledged = creating != null && WriteAcknowledgement.all(creating.writes(), skip);
        Map<String, JsonNode> inject = inject(resource, acknowledged, acknowledgedPut);
        Map<String, JsonNode> createDefaults = creatingOnly(resource, inject);
        List<OperationStats> writes = new ArrayList<>();
        for (Action action : List.of(Action.CREATE, Action.PATCH, Action.UPDATE)) {
            if (resource.actions.get(action) != null && !(acknowledgedPut && action == Action.UPDATE)) {
                writes.add(resource.actions.get(action));
            }
        }
        SentFields sent = SentFields.of(writes, skip);
        if (!sent.ignored().isEmpty()) {
            resource.evidence.add("fields the server ignores (sent with a value, never in an answer): "
                    + sent.ignored());
        }
        if (!sent.split().isEmpty()) {
            resource.evidence.add("fields sent as a comma-separated string and answered as the list of its parts: "
                    + sent.split());
        }
        if (!sent.renamed().isEmpty()) {
            resource.evidence.add("fields the answers hold under another spelling: " + sent.renamed());
        }
        List<String> itemOnly = list == null ? List.of() : itemOnly(resource.actions.get(Action.GET), listOp);
        if (!itemOnly.isEmpty()) {
            resource.evidence.add("fields every item read showed and no listed item did: " + itemOnly);
        }
        List<String> hide = resource.pathKey != null || resource.idOnlyInPath ? List.of(resource.idField) : List.of();
        resource.fields = new FieldConventions(inject, List.copyOf(sent.ignored()), List.copyOf(sent.split()),
                sent.renamed(), itemOnly, hide, Map.of(), List.of(), Map.of());
        resource.list = list;
        OperationStats create = resource.actions.get(Action.CREATE);
        if (create != null) {
            CreateRules createRule = new CreateRules(create.mainSuccessStatus());
            createRule.defaults.putAll(createDefaults);
            if (acknowledged) {
                createRule.body = WriteAcknowledgement.template(create.writes(), resource.idField,
                        resource.revisionField, resource.evidence);
                resource.evidence.add("create: every answer (" + create.writes().size() + ") acknowledged the write "
                        + "instead of showing the row (none held a field sent): the twin answers "
                        + createRule.body + " and keeps what was sent");
            }
            Map<String, String> generate = new TreeMap<>(acknowledged ? Map.of()
                    : create.serverDefaults().generated());
            generate.keySet().removeIf(f -> f.equals(resource.idField) || resource.timestampFields.containsValue(f)
                    || resource.pathKey != null && f.equals(resource.pathKey.getKey()));
            if (!generate.isEmpty()) {
                createRule.generate.putAll(generate);
                resource.evidence.add("create: generated per row (a new value of one shape in every answer): "
                        + generate);
            }
            Set<String> decided = new HashSet<>(generate.keySet());
            decided.add(resource.idField);
            decided.addAll(resource.timestampFields.values());
            decided.addAll(resource.fields.inject().keySet());
            var derived = CreateDerivation.derive(acknowledged ? List.of() : create.writes(), decided);
            if (!derived.expressions().isEmpty()) {
                createRule.derive.putAll(derived.expressions());
                resource.evidence.add("create: set from what the client sent (every create agreed): "
                        + derived.expressions());
                resource.evidence.addAll(derived.notes());
            }
            if (create.location() != null) {
                createRule.location = create.location();
                resource.evidence.add("create: every answer named the new row's URL in Location (" + create.location()
                        + ")");
            }
            ResponseStats created = create.responses().get(create.mainSuccessStatus());
            if (!acknowledged && created != null && created.alwaysEmpty()) {
                createRule.emptyBody = true;
                resource.evidence.add("create: no answer (" + created.count() + ") had a body");
            }
            Map<String, String> headers = answerHeaders(create, resource.idField, createRule.body);
            if (!headers.isEmpty()) {
                createRule.headers.putAll(headers);
                resource.evidence.add("create: every answer carried the headers " + headers);
                requestEvidence(create, "create", resource);
            }
            resource.create = createRule;
            resource.evidence.add("create: " + create.method() + " " + create.path().template() + " answered "
                    + create.mainSuccessStatus());
        }
        OperationStats put = resource.actions.get(Action.UPDATE);
        if (put != null) {
            WriteRules.Update update = UpdateConvention.detect(put, resource);
            if (acknowledgedPut) {
                update.body = WriteAcknowledgement.template(put.writes(), resource.idField,
                        resource.revisionField, resource.evidence);
                resource.evidence.add("update: every PUT answer (" + put.writes().size() + ") acknowledged the write "
                        + "instead of showing the row: the twin answers " + update.body);
            }
            Map<String, String> headers = answerHeaders(put, resource.idField, update.body);
            if (!headers.isEmpty()) {
                update.headers.putAll(headers);
                resource.evidence.add("update: every PUT answer carried the headers " + headers);
                requestEvidence(put, "update", resource);
            }
            resource.update = update;
        }
        OperationStats patch = resource.actions.get(Action.PATCH);
        Map<String, String> patchHeaders = patch == null ? Map.of() : requestHeaders(patch);
        if (patch != null && answeredInHeadersOnly(patch)) {
            WriteRules.Patch patchRule = resource.patchRule();
            patchRule.emptyBody = true;
            resource.evidence.add("patch: no answer (" + patch.responses().get(patch.mainSuccessStatus()).count()
                    + ") had a body: the twin's PATCH answers its status with no body (patch.emptyBody)");
            String location = patch.emptySelfLocation();
            if (location != null) {
                patchRule.location = location;
                resource.evidence.add("patch: every answer named the row's own URL in Location (" + location
                        + ", patch.location)");
            }
        }
        if (!patchHeaders.isEmpty()) {
            resource.patchRule().headers.putAll(patchHeaders);
            resource.evidence.add("patch: every answer carried headers built from the request " + patchHeaders
                    + " (patch.headers)");
        }
        OperationStats delete = resource.actions.get(Action.DELETE);
        if (delete != null) {
            resource.delete = DeleteConvention.detect(delete, resource);
        }
        writeIndex(resource);
        String mediaType = mediaType(resource);
        if (mediaType != null) {
            resource.mediaType = mediaType;
            resource.evidence.add("media type: every JSON answer showing its rows was " + mediaType);
        }
        String object = objectName(resource);
        resource.componentName = pascal(object != null ? object : ParamNames.singular(resource.table));
    }

    /**
     * A field every row held a revision in ({@code _rev: "2-2c92…"}), counted past the first write, on rows whose
     * writes the server refused with 409 at times: optimistic concurrency, which the twin then enforces. A
     * revision-shaped query parameter of the delete or read ({@code ?rev=}) may name it too.
     */
    private static void revision(Resource resource) {
        String field = null;
        for (Map.Entry<String, ShapeAggregate> p : resource.itemShape.properties().entrySet()) {
            if (!p.getKey().equals(resource.idField) && p.getValue().isRevision()) {
                field = p.getKey();
                break;
            }
        }
        if (field == null) {
            return;
        }
        boolean advancing = resource.itemShape.properties().get(field).isAdvancingRevision();
        boolean refused = false;
        for (Action action : List.of(Action.CREATE, Action.PATCH, Action.UPDATE, Action.DELETE)) {
            OperationStats op = resource.actions.get(action);
            refused |= op != null && op.responses().containsKey(409);
        }
        String param = null;
        for (Action action : List.of(Action.DELETE, Action.GET)) {
            OperationStats op = resource.actions.get(action);
            if (op != null && param == null) {
                for (Map.Entry<String, ShapeAggregate> q : op.query().properties().entrySet()) {
                    if (q.getValue().isRevision()) {
                        param = q.getKey();
                        break;
                    }
                }
            }
        }
        resource.revisionField = field;
        boolean enforce = advancing && refused;
        resource.revision = new RowStamps.Revision(field, param, enforce);
        resource.evidence.add("revision: every row held '" + field + "' as a write count and a hash"
                + (advancing ? ", counted past the first write" : " (never seen past the first write)")
                + ": each write stamps the next one"
                + (enforce ? "; writes were refused with 409, so a write must name the current revision (body '"
                + field + "'" + (param == null ? "" : " or query '" + param + "'") + ")"
                : "; no write was refused with 409 after a revision advanced, so the twin refuses none (low "
                + "confidence)"));
    }

    /** Every successful answer of the operation came without a body. */
    private static boolean answeredInHeadersOnly(OperationStats op) {
        boolean any = false;
        for (Map.Entry<Integer, ResponseStats> e : op.responses().entrySet()) {
            if (e.getKey() >= 200 && e.getKey() < 300) {
                if (!e.getValue().alwaysEmpty()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static void idField(Resource resource, boolean acknowledgedPut) {
        TreeMap<String, Long> votes = new TreeMap<>();
        long answers = 0;
        for (Action action : List.of(Action.GET, Action.PATCH, Action.UPDATE, Action.DELETE)) {
            OperationStats op = resource.actions.get(action);
            if (op != null && !(acknowledgedPut && action == Action.UPDATE)) {
                op.echoesOfLastParam().forEach((k, v) -> votes.merge(k, v, Long::sum));
                answers += op.successObjects();
            }
        }
        String best = null;
        long bestVotes = 0;
        for (String preferred : ID_NAMES) {
            long v = votes.getOrDefault(preferred, 0L);
            if (v > bestVotes) {
                best = preferred;
                bestVotes = v;
            }
        }
        for (Map.Entry<String, Long> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        if (best != null) {
            resource.idField = best;
            resource.evidence.add("id field: '" + best + "' held the item path parameter in " + bestVotes + " of "
                    + answers + " item answers (high confidence)");
        } else if (keyedByPath(resource)) {
            return;
        } else {
            resource.idField = ID_NAMES.stream().filter(resource.itemShape::alwaysPresent).findFirst()
                    .orElse("id");
            resource.evidence.add("id field: '" + resource.idField + "' by name only; no answer echoed the item "
                    + "path parameter (low confidence)");
            if (resource.itemShape.isObject() && resource.itemShape.samples() > 0
                    && !resource.itemShape.properties().containsKey(resource.idField)) {
                resource.idOnlyInPath = true;
                resource.evidence.add("id field: no answer showing a row (" + resource.itemShape.samples()
                        + ") held '" + resource.idField + "': the id lives only in "
                        + "the item path, so the twin keeps it hidden (fields.hide) (medium confidence)");
            }
        }
    }

    /**
     * Rows that name themselves by a path ending with the id the item path names (etcd's
     * {@code "key": "/app/jobs/7"} on {@code GET /v2/keys/app/jobs/7}), the part before it one constant in every
     * item read: the twin keeps the id in a hidden {@code id} and shows the field as that path plus the id.
     */
    private static boolean keyedByPath(Resource resource) {
        OperationStats get = resource.actions.get(Action.GET);
        if (get == null || get.successObjects() == 0 || resource.itemShape.properties().containsKey("id")) {
            return false;
        }
        for (String field : get.pathEchoesOfLastParam().keySet()) {
            String prefix = get.pathBeforeLastParam(field);
            if (prefix != null && !prefix.contains("{{")) {
                resource.idField = "id";
                resource.pathKey = Map.entry(field, prefix);
                resource.evidence.add("id field: '" + field + "' held '" + prefix + "' and the item path parameter in "
                        + "all " + get.successObjects() + " item reads: the twin keeps the id in a hidden 'id' and "
                        + "answers '" + field + "' as " + prefix + "{{item.id}} (medium confidence)");
                return true;
            }
        }
        return false;
    }

    /**
     * Row fields holding the API's write counter ({@code server.writeCounter}) as of a write: a field every create
     * answered with the counter's value is the row's; when a later write (update, patch, delete) answered it with
     * that write's value it is the modified index, when with an older one the created index (etcd's
     * {@code modifiedIndex} and {@code createdIndex}). With no later write to tell, it is taken as modified.
     */
    private static void writeIndex(Resource resource) {
        OperationStats create = resource.actions.get(Action.CREATE);
        if (create == null) {
            create = resource.actions.get(Action.UPDATE);
        }
        if (create == null || create.writeCounterFields().isEmpty()) {
            return;
        }
        String created = null;
        String modified = null;
        for (String field : create.writeCounterFields()) {
            boolean moved = false;
            boolean kept = false;
            for (Action action : List.of(Action.PATCH, Action.UPDATE, Action.DELETE)) {
                OperationStats later = resource.actions.get(action);
                if (later != null && later != create) {
                    moved |= later.writeCounterFields().contains(field);
                    kept |= later.keptCounterFields().contains(field);
                }
            }
            if (kept && !moved && created == null) {
                created = field;
            } else if (!kept && modified == null) {
                modified = field;
            }
        }
        if (created == null && modified == null) {
            return;
        }
        RowStamps.WriteIndex rule = new RowStamps.WriteIndex(created, modified);
        resource.writeIndex = rule;
        if (modified != null) {
            resource.deletes().stamped(modified);
        }
        resource.evidence.add("write index: " + rule.toYaml() + " — every create answered the write counter's value in "
                + create.writeCounterFields() + "; a later write answered " + (modified == null ? "none" : "'"
                + modified + "'") + " with its own value" + (created == null ? "" : " and '" + created + "' with the "
                + "create's") + (modified != null && created == null ? " (no later write showed otherwise: low "
                + "confidence)" : ""));
    }

    private static void timestamps(Resource resource) {
        TreeMap<String, ShapeAggregate> props = resource.itemShape.properties();
        for (String kind : List.of("createdAt", "updatedAt")) {
            for (String name : kind.equals("createdAt") ? CREATED : UPDATED) {
                ShapeAggregate field = props.get(name);
                if (field == null) {
                    continue;
                }
                String format = field.isUnixTimestamp() ? "unix" : field.isRfc2822() ? "rfc2822"
                        : field.isDateTime() ? "iso8601" : null;
                if (format != null && (resource.timestampFormat == null || resource.timestampFormat.equals(format))) {
                    resource.timestampFormat = format;
                    resource.timestampFields.put(kind, name);
                    resource.evidence.add("timestamp: '" + name + "' is " + kind + " (" + format + ")");
                    break;
                }
            }
        }
    }

    /** Fields every row had with one constant value, and fields that always repeat the id: defaults to inject. */
    /** @param acknowledged the creates answered an acknowledgement: their answers say nothing of the row */
    private static Map<String, JsonNode> inject(Resource resource, boolean acknowledged, boolean acknowledgedPut) {
        Map<String, JsonNode> inject = new LinkedHashMap<>();
        ShapeAggregate shape = resource.itemShape;
        OperationStats get = resource.actions.get(Action.GET);
        // a field the client sends is the client's to set: a constant seen in the recording is no default for it
        TreeSet<String> clientSets = new TreeSet<>();
        for (Action action : List.of(Action.CREATE, Action.PATCH, Action.UPDATE)) {
            OperationStats op = resource.actions.get(action);
            if (op != null) {
                clientSets.addAll(op.requestFields());
            }
        }
        for (Map.Entry<String, ShapeAggregate> p : shape.properties().entrySet()) {
            String name = p.getKey();
            if (name.equals(resource.idField) || resource.timestampFields.containsValue(name)
                    || !shape.alwaysPresent(name)) {
                continue;
            }
            long echoes = get == null ? 0 : get.echoesOfLastParam().getOrDefault(name, 0L);
            // one id read once (a comment 1 of post 1) repeats the path by coincidence: two values at least
            if (get != null && echoes > 0 && echoes == get.successObjects() && p.getValue().constant() == null
                    && !clientSets.contains(name)) { // a value the client sent is its own, if it repeats the id
                inject.put(name, TextNode.valueOf("{{item." + resource.idField + "}}"));
                continue;
            }
            JsonNode constant = p.getValue().constant();
            boolean discriminator = name.equals("object") || name.equals("type") || name.equals("kind");
            if (constant != null && !clientSets.contains(name) && shape.samples() >= (discriminator ? 2 : 3)
                    && p.getValue().idPrefix().isEmpty()
                    && !(constant.isTextual() && constant.asText().contains("{{"))) {
                inject.put(name, constant);
            }
        }
        if (resource.pathKey != null) {
            inject.put(resource.pathKey.getKey(), TextNode.valueOf(resource.pathKey.getValue() + "{{item."
                    + resource.idField + "}}"));
        }
        if (!inject.isEmpty()) {
            resource.evidence.add("injected defaults (constant in all " + shape.samples() + " rows seen, never sent "
                    + "by the client): "
                    + inject.keySet());
        }
        OperationStats create = resource.actions.get(Action.CREATE);
        if (create == null || acknowledged) {
            // rows a PUT creates by name (an upsert) get the server's defaults the same way
            create = acknowledgedPut ? null : resource.actions.get(Action.UPDATE);
        }
        if (create != null) {
            Map<String, JsonNode> serverSet = new TreeMap<>();
            create.serverDefaults().constants().forEach((name, value) -> {
                boolean generated = value.isTextual() && !ShapeAggregate.idPrefixOf(value.asText()).isEmpty();
                if (!name.equals(resource.idField) && !resource.timestampFields.containsValue(name)
                        && !inject.containsKey(name) && !generated) {
                    serverSet.put(name, value);
                }
            });
            if (!serverSet.isEmpty()) {
                inject.putAll(serverSet);
                resource.evidence.add("server defaults (the same value in every create answer that did not send the "
                        + "field): " + serverSet.keySet());
            }
        }
        return inject;
    }

    /**
     * The server's defaults that only a create sets: a later write answered the row without them (a replace that did
     * not send them, as Feathers or Mongoose store a schema's defaults once). Taken out of {@code inject}, which every
     * answer carries, to be stored with the new row instead ({@code create.defaults}); none without creates.
     */
    private static Map<String, JsonNode> creatingOnly(Resource resource, Map<String, JsonNode> inject) {
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        OperationStats create = resource.actions.get(Action.CREATE);
        if (create == null) {
            return defaults;
        }
        Set<String> serverSet = create.serverDefaults().constants().keySet();
        for (Action action : List.of(Action.UPDATE, Action.PATCH)) {
            OperationStats write = resource.actions.get(action);
            if (write == null) {
                continue;
            }
            for (WriteSample sample : write.writes()) {
                JsonNode answer = sample.answer();
                if (answer == null || !answer.isObject() || !answer.has(resource.idField)) {
                    continue; // an acknowledgement shows nothing of the row
                }
                for (String field : serverSet) {
                    JsonNode value = inject.get(field);
                    if (value != null && !answer.has(field) && (sample.input() == null || !sample.input().has(field))) {
                        defaults.put(field, value);
                    }
                }
            }
        }
        defaults.keySet().forEach(inject::remove);
        if (!defaults.isEmpty()) {
            resource.evidence.add("defaults only a create sets (an update answered the row without them, not having "
                    + "sent them): " + defaults.keySet());
        }
        return defaults;
    }

    private static String objectName(Resource resource) {
        for (String discriminator : List.of("object", "type", "kind")) {
            ShapeAggregate field = resource.itemShape.properties().get(discriminator);
            if (field != null) {
                JsonNode constant = field.constant();
                if (constant != null && constant.isTextual() && constant.asText().matches("[A-Za-z][A-Za-z0-9_.]*")) {
                    return constant.asText();
                }
            }
        }
        return null;
    }

    private static void references(Resource resource, List<Resource> all) {
        for (Map.Entry<String, ShapeAggregate> p : resource.itemShape.properties().entrySet()) {
            String prefix = p.getValue().idPrefixOfReferences();
            if (p.getKey().equals(resource.idField) || prefix.isEmpty()) {
                continue;
            }
            for (Resource other : all) {
                if (other != resource && prefix.equals(idPrefixOf(other))) {
                    resource.references.put(p.getKey(), other.table);
                    resource.evidence.add("reference: '" + p.getKey() + "' holds '" + prefix + "' ids of table "
                            + other.table);
                }
            }
        }
    }

    /**
     * {@code GET /posts/1?_embed=comments} answered the post with {@code comments}, the rows of another table
     * whose {@code postId} is 1: the twin embeds that table's rows the same way.
     */
    private static void embeds(Resource resource, List<Resource> all) {
        OperationStats get = resource.actions.get(Action.GET);
        if (get == null) {
            return;
        }
        get.embeds().forEach((embed, count) -> {
            for (Resource other : all) {
                if (other != resource && other.table.equals(embed.member())
                        && (resource.embedParam == null || resource.embedParam.equals(embed.param()))) {
                    resource.embedParam = embed.param();
                    resource.embedChildren.put(embed.member(), embed.parentField());
                    resource.evidence.add("embed: ?" + embed.param() + "=" + embed.member() + " answered the row "
                            + "with the " + embed.member() + " whose '" + embed.parentField() + "' is its id (" + count
                            + " answer" + (count == 1 ? "" : "s") + ")");
                }
            }
        });
    }

    static String idPrefixOf(Resource resource) {
        IdShape shape = resource.idShape;
        if (shape.strategy().equals("prefix") && shape.prefix() != null && !shape.prefix().isEmpty()) {
            return shape.prefix();
        }
        if (shape.strategy().equals("pattern")) {
            return shape.pattern().substring(0, 2);
        }
        return "";
    }

    static String pascal(String text) {
        String name = ParamNames.pascal(text);
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "R" + name : name;
    }

    /**
     * A write's answer headers as templates over the row: a constant as it was, the new row's id as
     * {@code {{item.<id>}}}, a field of the answer as the row field it shows (through the acknowledgement's
     * template when the answer was one: CouchDB's {@code rev} is the row's {@code _rev}), a value built from the
     * request as its template ({@code {{request.query.digest}}}).
     */
    private static Map<String, String> answerHeaders(OperationStats write, String idField, Object acknowledgement) {
        Map<String, String> out = new TreeMap<>();
        for (AnswerHeaders.Found found : write.answerHeaders()) {
            if (found.fromRequest() != null) {
                out.put(found.name(), found.fromRequest());
            } else if (found.bodyField() != null) {
                String field = found.bodyField().field();
                Object acknowledged = acknowledgement instanceof Map<?, ?> ack ? ack.get(field) : null;
                String template = acknowledged instanceof String t && t.startsWith("{{item.") ? t
                        : acknowledgement == null ? "{{item." + field + "}}" : null;
                if (template != null) {
                    out.put(found.name(), found.bodyField().templateWith(template));
                }
            } else {
                out.put(found.name(), found.newRowId() ? "{{item." + idField + "}}" : found.value());
            }
        }
        return out;
    }

    /** Says, for each header built from the request, what it repeated (the evidence of {@code <action>.headers}). */
    private static void requestEvidence(OperationStats write, String action, Resource resource) {
        for (AnswerHeaders.Found found : write.answerHeaders()) {
            if (found.fromRequest() != null) {
                resource.evidence.add(action + ": " + found.name() + " repeated the request in every answer (two at "
                        + "least), the same way each time: " + found.fromRequest() + " (request.query: a query "
                        + "parameter sent; request.sha256/sha1/md5: the digest of the body sent; request.base: the "
                        + "server's own origin); first recorded as " + found.value());
            }
        }
    }

    /**
     * A PATCH's answer headers built from the request only ({@code patch.headers}): its constants and row fields
     * are left to the row's own answers, since a merge answers the row where an API shows one.
     */
    private static Map<String, String> requestHeaders(OperationStats write) {
        Map<String, String> out = new TreeMap<>();
        for (AnswerHeaders.Found found : write.answerHeaders()) {
            if (found.fromRequest() != null) {
                out.put(found.name(), found.fromRequest());
            }
        }
        return out;
    }

    /**
     * Fields every successful item read showed and no listed item ever did (RabbitMQ's exchange {@code incoming}
     * and {@code outgoing}): lists leave them out. None unless the list answered at least one item.
     */
    private static List<String> itemOnly(OperationStats get, OperationStats list) {
        if (get == null || list == null) {
            return List.of();
        }
        ResponseStats item = get.responses().get(get.mainSuccessStatus());
        ResponseStats listed = list.responses().get(list.mainSuccessStatus());
        if (item == null || listed == null || !item.hasJson() || !listed.hasJson() || !item.body().isObject()) {
            return List.of();
        }
        ShapeAggregate items = listed.body().isArray() ? listed.body().items() : null;
        if (items == null && listed.body().isObject()) {
            for (ShapeAggregate field : listed.body().properties().values()) {
                if (field.isArray() && field.items() != null && field.items().isObject()
                        && (items == null || field.samples() > items.samples())) {
                    items = field.items();
                }
            }
        }
        if (items == null || items.samples() == 0 || !items.isObject()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String field : item.body().properties().keySet()) {
            if (item.body().alwaysPresent(field) && !items.properties().containsKey(field)) {
                out.add(field);
            }
        }
        return out;
    }

    /**
     * The one JSON media type every answer showing the resource's rows came as, when it is not plain
     * {@code application/json} (a Docker manifest's {@code application/vnd.docker.distribution.manifest.v2+json},
     * JSON:API's {@code application/vnd.api+json}); null otherwise.
     */
    private static String mediaType(Resource resource) {
        Set<String> types = new TreeSet<>();
        for (Action action : List.of(Action.GET, Action.LIST, Action.CREATE, Action.PATCH, Action.UPDATE)) {
            OperationStats op = resource.actions.get(action);
            ResponseStats ok = op == null ? null : op.responses().get(op.mainSuccessStatus());
            if (ok != null && ok.hasJson()) {
                types.add(ok.jsonMediaType() == null ? "application/json" : ok.jsonMediaType());
            }
        }
        String only = types.size() == 1 ? types.iterator().next() : null;
        // one the twin's server also takes for JSON (application/json, application/…+json): twin.yaml loads it
        return only != null && !only.equals("application/json") && MediaTypes.isJson(only) ? only : null;
    }
}
