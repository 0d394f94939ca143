package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Binding.Action;
import dev.twin.replayer.internal.convention.RangeBound;
import dev.twin.replayer.internal.form.UrlEncoded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists that show another table's rows in a shape of their own: CouchDB's {@code GET /books/_all_docs} answers each
 * book as {@code {id, key, value: {rev}}}. Such a list, detected as a table of its own, would be seeded with the
 * recording's rows and never see a write; as a view of the books table it lists what the books table holds.
 *
 * <p>The evidence, followed while the recording is read: every value a table's rows showed per field (reads, lists,
 * creates and changes, and write acknowledgements through their template, {@code rev ← _rev}), and the ids its item
 * paths named. A list-only resource is a view of table T when one field of every item it listed is an id of T, and
 * every other value of its items is a value T's rows showed in one field (the same field for all items). An item
 * field holding an object whose id is the item's is the whole row, added when a query parameter was {@code true}.
 * A parameter is a range bound when every id its answers listed is at or past (start) or at or before (end) its
 * value, while other answers listed ids outside. Nothing less decides: a field no value explains keeps the list a
 * table of its own, and the report says which.
 */
public final class ListViews {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWERS = 64;
    private static final int MAX_ITEMS = 2_000;
    private static final int MAX_VALUES = 20_000;

    /** A listed answer of a candidate view: its query, items and the total it gave (-1: none). */
    private record Listed(Map<String, String> query, List<ObjectNode> items, long total) {
    }

    private final Map<Resource, List<Listed>> listed = new LinkedHashMap<>();
    private final Map<Resource, Integer> itemCounts = new HashMap<>();
    /** Per table: field → the values (JSON text) its rows showed there. */
    private final Map<Resource, Map<String, Set<String>>> values = new HashMap<>();

    public ListViews(List<Resource> resources) {
        for (Resource resource : resources) {
            if (resource.onlyLists()) {
                listed.put(resource, new ArrayList<>());
            }
        }
        if (listed.isEmpty()) {
            return; // no list could be a view: no row values are kept
        }
        for (Resource resource : resources) {
            if (!resource.onlyLists()) {
                values.put(resource, new HashMap<>());
            }
        }
    }

    /** Whether the resource's list answers are kept as view evidence (it has no other operation). */
    public boolean isCandidate(Resource resource) {
        return listed.containsKey(resource);
    }

    /** A candidate's list answer: the request's raw query and the answer's body. */
    public void listed(Resource resource, String rawQuery, JsonNode body) {
        JsonNode items = resource.dataField() == null ? body : body.path(resource.dataField());
        String totalField = resource.list() == null ? null : resource.list().counts().totalField();
        JsonNode total = totalField == null ? null : at(body, totalField);
        List<Listed> answers = listed.get(resource);
        int count = itemCounts.getOrDefault(resource, 0);
        if (answers == null || answers.size() >= MAX_ANSWERS || count >= MAX_ITEMS || !items.isArray()) {
            return;
        }
        List<ObjectNode> objects = new ArrayList<>();
        items.forEach(item -> {
            if (item instanceof ObjectNode object) {
                objects.add(object);
            }
        });
        itemCounts.put(resource, count + objects.size());
        answers.add(new Listed(query(rawQuery), objects, total != null && total.canConvertToLong()
                && total.isIntegralNumber() ? total.longValue() : -1));
    }

    /** A row of a table as an answer showed it (read, listed, created or changed). */
    public void row(Resource resource, JsonNode row) {
        Map<String, Set<String>> fields = values.get(resource);
        if (fields == null || !(row instanceof ObjectNode object) || !object.has(resource.idField())) {
            return;
        }
        object.fields().forEachRemaining(field -> note(fields, field.getKey(), field.getValue()));
    }

    /** A write's answer: the row itself, or an acknowledgement read through the write's template. */
    public void written(Resource resource, Action action, JsonNode body) {
        row(resource, body != null && body.has(resource.idField()) ? body : resource.acknowledgedRow(action, body));
    }

    /** An id an item path of the table named in a successful call. */
    public void itemId(Resource resource, String id) {
        Map<String, Set<String>> fields = values.get(resource);
        if (fields != null && id != null) {
            note(fields, resource.idField(), JSON.getNodeFactory().textNode(id));
        }
    }

    private static void note(Map<String, Set<String>> fields, String field, JsonNode value) {
        Set<String> seen = fields.computeIfAbsent(field, f -> new HashSet<>());
        if (seen.size() < MAX_VALUES) {
            seen.add(value.toString());
        }
    }

    /**
     * Moves each list found to be a view onto the table it shows; returns the resources that are no longer tables
     * of their own. Candidates left alone get a line in their evidence saying why.
     */
    public List<Resource> settle() {
        List<Resource> views = new ArrayList<>();
        listed.forEach((candidate, answers) -> {
            String why = decide(candidate, answers);
            if (why == null) {
                views.add(candidate);
            } else if (!answers.isEmpty()) {
                candidate.evidence.add("not a view of another table: " + why);
            }
        });
        return views;
    }

    /** Moves the candidate onto its table when the evidence holds; else says why not. */
    private String decide(Resource candidate, List<Listed> answers) {
        List<ObjectNode> items = new ArrayList<>();
        answers.forEach(answer -> items.addAll(answer.items()));
        if (items.size() < 2) {
            return "fewer than two items listed";
        }
        Map<String, List<JsonNode>> leaves = leaves(items);
        Resource table = null;
        String idLeaf = null;
        for (Map.Entry<Resource, Map<String, Set<String>>> other : values.entrySet()) {
            Set<String> ids = other.getValue().getOrDefault(other.getKey().idField(), Set.of());
            for (Map.Entry<String, List<JsonNode>> leaf : leaves.entrySet()) {
                if (leaf.getValue().size() == items.size() && covered(leaf.getValue(), ids)) {
                    if (table != null && table != other.getKey()) {
                        return "its items name ids of both " + table.table() + " and " + other.getKey().table();
                    }
                    table = other.getKey();
                    idLeaf = idLeaf == null ? leaf.getKey() : idLeaf;
                    break;
                }
            }
        }
        if (table == null) {
            return "no item field holds ids of another table";
        }
        Map<String, Set<String>> rowValues = values.get(table);
        String includeField = wholeRowField(items, idLeaf, table.idField());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonNode>> leaf : leaves.entrySet()) {
            if (includeField != null && (leaf.getKey().equals(includeField)
                    || leaf.getKey().startsWith(includeField + "."))) {
                continue;
            }
            if (leaf.getValue().stream().allMatch(value -> value.isObject() && !value.isEmpty())) {
                continue; // an object: its own leaves are mapped one by one
            }
            String field = rowField(leaf.getValue(), rowValues, table.idField());
            if (field == null) {
                return "the item field " + leaf.getKey() + " holds values no field of " + table.table() + " showed";
            }
            fields.put(leaf.getKey(), field);
        }
        String includeParam = null;
        if (includeField != null) {
            includeParam = includeParam(answers, includeField);
            if (includeParam == null) {
                return "its items carry the whole row under " + includeField + " with no parameter asking for it";
            }
        }
        ListRule list = candidate.list();
        if (list == null) {
            return "its answers were neither a JSON array nor an envelope holding one";
        }
        String descending = list.order() == null ? null : list.order().descendingParam();
        List<String> evidence = new ArrayList<>();
        if (ascendingIds(answers, idLeaf, descending)) {
            list = list.withOrder(new ListRule.Order("id-ascending", descending));
            evidence.add("every answer listed its items by ascending " + idLeaf);
        }
        Set<String> taken = new HashSet<>(list.params());
        if (includeParam != null) {
            taken.add(includeParam);
        }
        String start = rangeParam(answers, idLeaf, taken, true);
        String end = rangeParam(answers, idLeaf, taken, false);
        boolean totalCountsAll = (start != null || end != null) && totalCountsAll(answers, start, end);
        ListView view = new ListView(list, fields, includeParam, includeField, start, end, totalCountsAll);
        table.views.add(new ResourceBinding(Action.LIST, candidate.actions().get(Action.LIST), Map.of(), view));
        table.evidence.add("view: " + candidate.collectionPath() + " lists these rows as " + fields.keySet()
                + " (each item's " + idLeaf + " an id of " + table.table() + ", every other value one its rows showed"
                + " in the field named)" + (includeParam == null ? "" : "; ?" + includeParam + "=true adds the row as "
                + includeField) + (start == null ? "" : "; ?" + start + " is the first id listed")
                + (end == null ? "" : "; ?" + end + " the last")
                + (totalCountsAll ? " (the total counts every row, in range or not)" : "") + (evidence.isEmpty() ? "" : "; " + evidence.get(0))
                + " — " + items.size() + " items in " + answers.size() + " answers");
        return null;
    }

    /** Every value of the items at each leaf path (objects descended into, arrays and scalars kept whole). */
    private static Map<String, List<JsonNode>> leaves(List<ObjectNode> items) {
        Map<String, List<JsonNode>> leaves = new LinkedHashMap<>();
        for (ObjectNode item : items) {
            collect(item, "", leaves);
        }
        return leaves;
    }

    private static void collect(JsonNode node, String prefix, Map<String, List<JsonNode>> leaves) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                leaves.computeIfAbsent(path, p -> new ArrayList<>()).add(field.getValue());
                collect(field.getValue(), path + ".", leaves);
            } else {
                leaves.computeIfAbsent(path, p -> new ArrayList<>()).add(field.getValue());
            }
        }
    }

    private static boolean covered(List<JsonNode> found, Set<String> seen) {
        if (seen.isEmpty()) {
            return false;
        }
        for (JsonNode value : found) {
            if (!seen.contains(value.toString())) {
                return false;
            }
        }
        return true;
    }

    /** The one row field whose values explain every value at a leaf (the id field first), or null. */
    private static String rowField(List<JsonNode> found, Map<String, Set<String>> rowValues, String idField) {
        if (covered(found, rowValues.getOrDefault(idField, Set.of()))) {
            return idField;
        }
        String only = null;
        for (Map.Entry<String, Set<String>> field : rowValues.entrySet()) {
            if (covered(found, field.getValue())) {
                if (only != null) {
                    return null;
                }
                only = field.getKey();
            }
        }
        return only;
    }

    /** The item field holding an object whose id is the item's own (the whole row), or null. */
    private static String wholeRowField(List<ObjectNode> items, String idLeaf, String idField) {
        String found = null;
        for (ObjectNode item : items) {
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isObject() && value.has(idField) && value.get(idField).equals(at(item, idLeaf))) {
                    if (found != null && !found.equals(field.getKey())) {
                        return null;
                    }
                    found = field.getKey();
                }
            }
        }
        return found;
    }

    /** The parameter set to {@code true} in exactly the answers whose items carry the whole row. */
    private static String includeParam(List<Listed> answers, String includeField) {
        Set<String> candidates = null;
        Set<String> elsewhere = new HashSet<>();
        for (Listed answer : answers) {
            boolean carries = !answer.items().isEmpty() && answer.items().stream().allMatch(i -> i.has(includeField));
            Set<String> trueParams = new HashSet<>();
            answer.query().forEach((name, value) -> {
                if (value.equalsIgnoreCase("true")) {
                    trueParams.add(name);
                }
            });
            if (carries) {
                candidates = candidates == null ? trueParams : intersect(candidates, trueParams);
            } else {
                elsewhere.addAll(trueParams);
            }
        }
        if (candidates == null) {
            return null;
        }
        candidates.removeAll(elsewhere);
        return candidates.size() == 1 ? candidates.iterator().next() : null;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    /** Every answer not reversed lists its ids in ascending text order, one of them at least three. */
    private static boolean ascendingIds(List<Listed> answers, String idLeaf, String descendingParam) {
        boolean enough = false;
        for (Listed answer : answers) {
            if (descendingParam != null && "true".equalsIgnoreCase(answer.query().get(descendingParam))) {
                continue;
            }
            List<ObjectNode> items = answer.items();
            for (int i = 1; i < items.size(); i++) {
                if (at(items.get(i - 1), idLeaf).asText().compareTo(at(items.get(i), idLeaf).asText()) > 0) {
                    return false;
                }
            }
            enough |= items.size() >= 3;
        }
        return enough;
    }

    /**
     * A parameter whose every answer listed only ids at or past its value ({@code start}) or at or before it, while
     * the answers without it listed some id on the other side.
     */
    private static String rangeParam(List<Listed> answers, String idLeaf, Set<String> taken, boolean start) {
        Set<String> names = new HashSet<>();
        answers.forEach(answer -> names.addAll(answer.query().keySet()));
        names.removeAll(taken);
        String found = null;
        for (String name : names.stream().sorted().toList()) {
            boolean holds = true;
            boolean excluded = false;
            for (Listed answer : answers) {
                String bound = answer.query().get(name);
                if (bound == null) {
                    continue;
                }
                String key = RangeBound.of(bound);
                for (ObjectNode item : answer.items()) {
                    int order = at(item, idLeaf).asText().compareTo(key);
                    holds &= start ? order >= 0 : order <= 0;
                }
                for (Listed other : answers) {
                    if (!other.query().containsKey(name)) {
                        for (ObjectNode item : other.items()) {
                            int order = at(item, idLeaf).asText().compareTo(key);
                            excluded |= start ? order < 0 : order > 0;
                        }
                    }
                }
            }
            if (holds && excluded) {
                if (found != null) {
                    return null;
                }
                found = name;
            }
        }
        return found;
    }

    /** Every answer within a range gave the total of the whole list (as big as the unranged answers' largest). */
    private static boolean totalCountsAll(List<Listed> answers, String start, String end) {
        long whole = answers.stream().filter(a -> !a.query().containsKey(start) && !a.query().containsKey(end))
                .mapToLong(Listed::total).max().orElse(-1);
        List<Listed> ranged = answers.stream().filter(a -> a.query().containsKey(start)
                || a.query().containsKey(end)).toList();
        return whole > 0 && !ranged.isEmpty() && ranged.stream().allMatch(a -> a.total() == whole
                && a.items().size() < whole);
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode at = node;
        for (String name : dottedPath.split("\\.")) {
            at = at.path(name);
        }
        return at;
    }

    /** The first value of each query parameter, decoded leniently (a stray '%' kept), as the server reads them. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        UrlEncoded.parse(rawQuery).forEach(pair -> query.putIfAbsent(pair.name(), pair.value()));
        return query;
    }
}
