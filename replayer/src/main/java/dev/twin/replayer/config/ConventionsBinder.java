package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.MediaTypes;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Binds a conventions mapping ({@code conventions:} or a table's {@code response:}) into an override whose
 * unset parts are null, and checks a merged result for combinations that cannot work.
 */
final class ConventionsBinder {
    /** {@code total_count}, {@code meta.total}: non-empty names joined by dots. */
    private static final Pattern DOTTED_PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    private ConventionsBinder() {
    }

    /** An override with only the keys written; null when {@code m} is null. */
    static Conventions bind(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("timestamps", "fields", "list", "create", "delete", "errors", "update", "fieldLimits",
                "revision", "search", "mediaType", "itemEnvelope", "writeIndex", "patch", "content");
        return new Conventions(timestamps(m.mapping("timestamps")), fields(m.mapping("fields")),
                list(m.mapping("list")), create(m.mapping("create")), delete(m.mapping("delete")),
                errors(m.mapping("errors")), update(m.mapping("update")), fieldLimits(m.mapping("fieldLimits")),
                revision(m.mapping("revision")), search(m.mapping("search")), mediaType(m),
                itemEnvelope(m.mapping("itemEnvelope")), writeIndex(m.mapping("writeIndex")), patch(m.mapping("patch")),
                content(m.mapping("content")));
    }

    /**
     * {@code content: {mediaType: application/octet-stream, append: true, headers: {ETag: '"{{md5}}"'}}}; null when
     * not written.
     */
    private static ContentRule content(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("mediaType", "append", "headers");
        String mediaType = m.string("mediaType");
        if (mediaType != null && !mediaType.matches("[!-~&&[^/;]]+/[!-~&&[^/;]]+")) {
            m.problem("mediaType", "'" + mediaType + "' is not a media type (type/subtype, e.g. "
                    + "application/octet-stream)");
        }
        Map<String, String> written = m.stringMap("headers");
        HeaderChecks.check(m, "headers", written);
        Map<String, DigestForm> headers = new java.util.LinkedHashMap<>();
        if (written != null) {
            written.forEach((name, form) -> {
                try {
                    headers.put(name, DigestForm.parse(form));
                } catch (IllegalArgumentException e) {
                    m.problem("headers", name + ": " + e.getMessage());
                }
            });
        }
        return new ContentRule(mediaType, m.bool("append", null), headers);
    }

    /** A digest form written under {@code key} ({@code alias: "sha256:{{sha256}}"}); null when not written. */
    private static DigestForm digestForm(YamlMapping m, String key) {
        String form = m.string(key);
        if (form == null) {
            return null;
        }
        try {
            return DigestForm.parse(form);
        } catch (IllegalArgumentException e) {
            m.problem(key, e.getMessage());
            return null;
        }
    }

    /** {@code checksum: {param: digest, form: "sha256:{{sha256}}", status: 400, body: {...}}}; null when not written. */
    private static Checksum checksum(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("param", "form", "status", "body");
        m.require("param");
        m.require("form");
        String form = m.string("form");
        DigestForm digest = null;
        if (form != null) {
            try {
                digest = DigestForm.parse(form);
            } catch (IllegalArgumentException e) {
                m.problem("form", e.getMessage());
            }
        }
        Templates.check(m, "body", TemplateScope.ROW);
        return new Checksum(m.string("param"), digest, m.integer("status", null, 400, 499), m.raw("body"));
    }

    /** {@code copyTo: {table: blobs, idParam: digest}}; null when not written. */
    private static CopyTo copyTo(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("table", "idParam");
        m.require("table");
        m.require("idParam");
        return new CopyTo(m.string("table"), m.string("idParam"));
    }

    /** {@code patch: {emptyBody: true, location: absolute, headers: {…}}}; null when not written. */
    private static PatchRule patch(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("emptyBody", "location", "headers");
        Templates.check(m, "headers", TemplateScope.HEADERS);
        Map<String, String> headers = m.stringMap("headers");
        HeaderChecks.check(m, "headers", headers);
        return new PatchRule(m.bool("emptyBody", null), m.enumValue("location", CreateRule.Location.class, null),
                headers);
    }

    /** {@code writeIndex: {created: createdIndex, modified: modifiedIndex}}; null when not written. */
    private static WriteIndex writeIndex(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("created", "modified");
        String created = m.name("created");
        String modified = m.name("modified");
        if (created == null && modified == null) {
            m.problem("writeIndex needs created, modified or both (the row fields holding the write counter)");
            return null;
        }
        if (created != null && created.equals(modified)) {
            m.problem("modified", "'" + modified + "' is already the created field; a field is one or the other");
        }
        return new WriteIndex(created, modified);
    }

    /** {@code itemEnvelope: {field: node, extraFields: {get: {action: get}, ...}}}; null when not written. */
    private static ItemEnvelope itemEnvelope(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("field", "actions", "extraFields", "previous");
        if (!m.require("field")) {
            return null;
        }
        String field = m.name("field");
        List<String> allowed = ItemEnvelope.ITEM_ACTIONS.stream().map(a -> a.name().toLowerCase(Locale.ROOT))
                .sorted().toList();
        Set<Binding.Action> wrapped = ItemEnvelope.ITEM_ACTIONS;
        if (m.has("actions")) {
            wrapped = EnumSet.noneOf(Binding.Action.class);
            List<String> names = m.names("actions");
            for (int i = 0; names != null && i < names.size(); i++) {
                Binding.Action action = itemAction(names.get(i));
                if (action == null) {
                    m.context().problem(m.pointer("actions") + "/" + i, ConfigProblems.withSuggestion(
                            "not an item action, expected " + String.join(" | ", allowed), names.get(i), allowed));
                } else {
                    wrapped.add(action);
                }
            }
        }
        Map<Binding.Action, ObjectNode> extra = new EnumMap<>(Binding.Action.class);
        YamlMapping actions = m.mapping("extraFields");
        if (actions != null) {
            actions.node().fieldNames().forEachRemaining(key -> {
                Binding.Action action = itemAction(key);
                if (action == null) {
                    actions.context().problemAtKey(actions.pointer(key), ConfigProblems.withSuggestion(
                            "not an item action, expected " + String.join(" | ", allowed), key, allowed));
                    return;
                }
                YamlMapping constants = actions.mapping(key);
                if (constants == null) {
                    return;
                }
                if (constants.has(field)) {
                    constants.problem(field, "the row's own member ('" + field + "' holds the row); list only the "
                            + "members beside it");
                    return;
                }
                extra.put(action, constants.node().deepCopy());
            });
        }
        Map<Binding.Action, String> previous = new EnumMap<>(Binding.Action.class);
        Map<String, String> written = m.stringMap("previous");
        if (written != null) {
            List<String> rewriting = ItemEnvelope.REWRITING_ACTIONS.stream()
                    .map(a -> a.name().toLowerCase(Locale.ROOT)).sorted().toList();
            written.forEach((key, member) -> {
                Binding.Action action = itemAction(key);
                String at = ConfigProblems.child(m.pointer("previous"), key);
                if (action == null || !ItemEnvelope.REWRITING_ACTIONS.contains(action)) {
                    m.context().problemAtKey(at, ConfigProblems.withSuggestion("not a write of an existing row, "
                            + "expected " + String.join(" | ", rewriting), key, rewriting));
                } else if (member == null || member.isEmpty() || member.equals(field)
                        || extra.containsKey(action) && extra.get(action).has(member)) {
                    m.context().problem(at, "expected a member other than the row's ('" + field + "') and the "
                            + key + " answer's extraFields, got '" + member + "'");
                } else {
                    previous.put(action, member);
                }
            });
        }
        return field == null ? null : new ItemEnvelope(field, wrapped, extra, previous);
    }

    private static Binding.Action itemAction(String written) {
        Binding.Action action = YamlMapping.parseEnum(written, Binding.Action.class);
        return action != null && ItemEnvelope.ITEM_ACTIONS.contains(action) ? action : null;
    }

    /** A JSON media type rows are answered as ({@code application/vnd.api+json}); null when not written. */
    private static String mediaType(YamlMapping m) {
        String type = m.string("mediaType");
        // what the server takes for JSON (ETags, rebasing), and one token: no parameters, spaces or line breaks
        if (type != null && !(MediaTypes.isJson(type) && type.matches("[!-~]+") && !type.contains(";"))) {
            m.problem("mediaType", "expected a JSON media type such as application/vnd.api+json or application/json,"
                    + " got '" + type + "'");
            return null;
        }
        return type;
    }

    private static SearchStyle search(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("queryParam", "pageParam", "nextPageField", "extraFields", "syntaxMessage",
                "unsupportedFieldMessage");
        Templates.check(m, "extraFields", TemplateScope.LIST);
        Templates.check(m, "syntaxMessage", TemplateScope.SEARCH_SYNTAX);
        Templates.check(m, "unsupportedFieldMessage", TemplateScope.SEARCH_FIELD);
        return new SearchStyle(m.name("queryParam"), m.name("pageParam"), m.name("nextPageField"),
                m.objectNode("extraFields"), m.string("syntaxMessage"), m.string("unsupportedFieldMessage"));
    }

    private static RevisionRule revision(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("field", "param", "enforce");
        m.require("field");
        return new RevisionRule(m.name("field"), m.name("param", null), m.bool("enforce", null));
    }

    /** {@code metadata: {maxKeys: 50, maxKeyLength: 40, maxValueLength: 500}} per top-level body field. */
    private static Map<String, FieldLimit> fieldLimits(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, FieldLimit> limits = new LinkedHashMap<>();
        for (Iterator<String> names = m.node().fieldNames(); names.hasNext(); ) {
            String field = names.next();
            YamlMapping limit = m.mapping(field);
            if (limit == null) {
                continue;
            }
            limit.allowOnly("maxKeys", "maxKeyLength", "maxValueLength");
            limits.put(field, new FieldLimit(limit.integer("maxKeys", null, 1, 100_000),
                    limit.integer("maxKeyLength", null, 1, 100_000), limit.integer("maxValueLength", null, 1, 10_000_000)));
        }
        return limits;
    }

    private static UpdateRule update(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("upsert", "status", "createdStatus", "emptyBody", "body", "location", "headers", "immutable",
                "copyTo", "checksum", "alias", "keepUnsent");
        Templates.check(m, "body", TemplateScope.ROW);
        Templates.check(m, "headers", TemplateScope.HEADERS);
        Map<String, String> headers = m.stringMap("headers");
        HeaderChecks.check(m, "headers", headers);
        return new UpdateRule(m.bool("upsert", null), m.integer("status", null, 200, 299),
                m.integer("createdStatus", null, 200, 299), m.bool("emptyBody", null), m.raw("body"),
                m.enumValue("location", CreateRule.Location.class, null), headers, immutable(m.mapping("immutable")),
                copyTo(m.mapping("copyTo")), checksum(m.mapping("checksum")), digestForm(m, "alias"),
                m.bool("keepUnsent", null));
    }

    private static ImmutableFields immutable(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("fields", "status", "body");
        m.require("fields");
        Templates.check(m, "body", TemplateScope.IMMUTABLE);
        return new ImmutableFields(m.names("fields"), m.integer("status", null, 400, 499), m.raw("body"));
    }

    /** Checks merged conventions; problems point at {@code pointer} (the mapping that was merged last). */
    static void checkMerged(Conventions merged, String pointer, LoadContext context) {
        DeleteRule delete = merged.delete();
        if (delete.body() != null && Integer.valueOf(204).equals(delete.status())) {
            context.problemAtKey(ConfigProblems.child(pointer, "delete"),
                    "a 204 response has no body: set delete.status to 200 or remove delete.body");
        }
        checkList(merged.list(), ConfigProblems.child(pointer, "list"), context);
    }

    /** Checks a list style whose every setting is known; problems point at {@code pointer}. */
    static void checkList(ListStyle list, String pointer, LoadContext context) {
        boolean unlimitedAllowed = list.style() == ListStyle.Style.OFFSET || list.style() == ListStyle.Style.NONE;
        if (list.defaultLimit() == 0 && !unlimitedAllowed) {
            context.problemAtKey(pointer, "defaultLimit 0 (every row) needs style "
                    + "offset or none; " + list.style().name().toLowerCase(Locale.ROOT) + " pages need a limit");
        }
        if (Boolean.TRUE.equals(list.bareArray()) && !unlimitedAllowed) {
            context.problemAtKey(pointer, "bareArray needs style offset or none; "
                    + list.style().name().toLowerCase(Locale.ROOT) + " pages answer an envelope object");
        }
        if (list.defaultLimit() > list.maxLimit()) {
            context.problemAtKey(pointer, "defaultLimit " + list.defaultLimit()
                    + " is greater than maxLimit " + list.maxLimit());
        }
    }

    private static Timestamps timestamps(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("format", "fields");
        return new Timestamps(m.enumValue("format", Timestamps.Format.class, null),
                m.nameMap("fields", Timestamps.INTERNAL_NAMES));
    }

    private static FieldRules fields(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("inject", "hide", "rename", "ignore", "split", "itemOnly", "copy", "order", "times", "byClock",
                "notBeforeNow");
        Map<String, String> copy = m.stringMap("copy");
        if (copy != null) {
            copy.forEach((path, source) -> {
                if (!DOTTED_PATH.matcher(path).matches() || !path.contains(".") || source.contains(".")) {
                    m.problem("copy", "expected a dotted path: a top-level field (metadata.description: "
                            + "description), got '" + path + ": " + source + "'");
                }
            });
        }
        Templates.check(m, "inject", TemplateScope.ROW);
        return new FieldRules(m.objectNode("inject"), m.names("hide"), m.nameMap("rename"),
                m.has("ignore") ? m.names("ignore") : null, m.has("split") ? m.names("split") : null,
                m.has("itemOnly") ? m.names("itemOnly") : null, copy, m.has("order") ? order(m) : null,
                times(m.mapping("times")), byClock(m.mapping("byClock")),
                m.has("notBeforeNow") ? m.names("notBeforeNow") : null);
    }

    /**
     * {@code byClock}: dotted path → {@code {from, until, before, during, after, listOrder}}, the time fields named
     * by their top-level name; at least one of them, and at least one value.
     */
    private static Map<String, ClockField> byClock(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, ClockField> out = new LinkedHashMap<>();
        m.node().fieldNames().forEachRemaining(path -> {
            if (m.node().get(path).isNull()) {
                out.put(path, null); // drops an inherited entry
                return;
            }
            if (!DOTTED_PATH.matcher(path).matches()) {
                m.problem(path, "expected a field or a dotted path (status.state), got '" + path + "'");
                return;
            }
            YamlMapping rule = m.mapping(path);
            if (rule == null) {
                return; // reported: not a mapping
            }
            rule.allowOnly("from", "until", "before", "during", "after", "listOrder");
            ClockField field = new ClockField(rule.name("from", null), rule.name("until", null),
                    rule.string("before", null), rule.string("during", null), rule.string("after", null),
                    rule.has("listOrder") ? rule.strings("listOrder") : null);
            checkListOrder(rule, field);
            String problem = clockFieldProblem(field);
            if (problem != null) {
                m.problem(path, problem);
            } else {
                out.put(path, field);
            }
        });
        return out;
    }

    /** What makes a {@code byClock} entry unusable, or null. */
    private static String clockFieldProblem(ClockField field) {
        String dotted = field.from() != null && field.from().contains(".") ? field.from()
                : field.until() != null && field.until().contains(".") ? field.until() : null;
        if (dotted != null) {
            return "from and until name a top-level time field of the row, got '" + dotted + "'";
        }
        if (field.from() == null && field.until() == null) {
            return "names no time field: give from (the span's start), until (its end), or both";
        }
        if (field.before() == null && field.during() == null && field.after() == null) {
            return "gives no value: give before, during or after";
        }
        if (field.from() == null && field.before() != null) {
            return "before needs from: without it the clock is never before the span";
        }
        if (field.until() == null && field.after() != null) {
            return "after needs until: without it the clock is never after the span";
        }
        return null;
    }

    /** A {@code listOrder} names each of the entry's values at most once, and no other. */
    private static void checkListOrder(YamlMapping rule, ClockField field) {
        List<String> values = Arrays.asList(field.before(), field.during(), field.after());
        for (String ranked : field.listOrder()) {
            if (!values.contains(ranked)) {
                rule.problem("listOrder", "'" + ranked + "' is none of this field's values "
                        + values.stream().filter(Objects::nonNull).toList());
            } else if (field.listOrder().indexOf(ranked) != field.listOrder().lastIndexOf(ranked)) {
                rule.problem("listOrder", "'" + ranked + "' is named twice; each value has one place");
            }
        }
    }

    /** {@code times}: field → the time format the server keeps it in ({@code endsAt: iso8601-millis}). */
    private static Map<String, Timestamps.Format> times(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, Timestamps.Format> times = new LinkedHashMap<>();
        m.node().fieldNames().forEachRemaining(field -> {
            Timestamps.Format format = m.enumValue(field, Timestamps.Format.class, null);
            if (format != null || m.node().get(field).isNull()) { // null: drops an inherited entry
                times.put(field, format);
            }
        });
        return times;
    }

    /** {@code order}: field names, each once. */
    private static List<String> order(YamlMapping m) {
        List<String> names = m.names("order");
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                m.problem("order", "'" + name + "' is named twice; each field has one place");
            }
        }
        return names;
    }

    static ListStyle list(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("style", "dataField", "extraFields", "hideMeta", "totalField", "defaultLimit", "maxLimit",
                "limitParam", "startingAfterParam", "endingBeforeParam", "hasMoreField",
                "pageParam", "pageSizeParam", "pageFields", "bareArray", "order", "offsetParam", "sortParam",
                "orderParam", "totalHeader", "linkHeader", "limitField", "offsetField", "pageField", "itemCountField",
                "pageCountField", "descendingParam", "filters", "clampLimit", "nextField", "previousField");
        Templates.check(m, "extraFields", TemplateScope.LIST);
        String totalField = m.name("totalField");
        if (totalField != null && !DOTTED_PATH.matcher(totalField).matches()) {
            m.problem("totalField", "expected a field name or a dotted path such as meta.total, got '"
                    + totalField + "'");
            totalField = null;
        }
        return new ListStyle(m.enumValue("style", ListStyle.Style.class, null), m.name("dataField"),
                m.objectNode("extraFields"), m.bool("hideMeta", null), totalField,
                m.integer("defaultLimit", null, 0, 100_000), m.integer("maxLimit", null, 1, 100_000),
                m.name("limitParam"), m.name("startingAfterParam"), m.name("endingBeforeParam"),
                m.name("hasMoreField"), m.name("pageParam"), m.name("pageSizeParam"),
                m.nameMap("pageFields", ListStyle.PAGE_FIELD_NAMES), m.bool("bareArray", null),
                m.enumValue("order", ListStyle.Order.class, null), m.name("offsetParam"), m.name("sortParam"),
                m.name("orderParam"), m.name("totalHeader"), m.bool("linkHeader", null), m.name("limitField"),
                m.name("offsetField"), m.name("descendingParam"), m.nameMap("filters"), m.name("pageField"),
                m.name("itemCountField"), m.name("pageCountField"), m.bool("clampLimit", null), m.name("nextField"),
                m.name("previousField"));
    }

    private static CreateRule create(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("status", "location", "generate", "derive", "body", "emptyBody", "headers", "lookup", "replace",
                "limits", "upsert", "defaults", "exists", "forms");
        Templates.check(m, "generate", TemplateScope.ROW);
        Templates.check(m, "body", TemplateScope.ROW);
        Templates.check(m, "headers", TemplateScope.HEADERS);
        if (m.has("body") && Boolean.TRUE.equals(m.bool("emptyBody", null))) {
            m.problem("emptyBody", "a create answers either body or no body (emptyBody: true), not both");
        }
        Map<String, Expression> derive = null;
        YamlMapping expressions = m.mapping("derive");
        if (expressions != null) {
            derive = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = expressions.node().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Expression expression = ExpressionReader.read(expressions, expressions.pointer(field.getKey()),
                        field.getValue(), Set.of("input", "request", "magic"));
                if (expression != null) {
                    derive.put(field.getKey(), expression);
                }
            }
        }
        Map<String, String> headers = m.stringMap("headers");
        HeaderChecks.check(m, "headers", headers);
        return new CreateRule(m.integer("status", null, 200, 299),
                m.enumValue("location", CreateRule.Location.class, null), m.stringMap("generate"), derive,
                m.raw("body"), m.bool("emptyBody", null), headers, lookups(m.mapping("lookup")),
                replacements(m.mapping("replace")), limits(m.mapping("limits")), m.bool("upsert", null),
                m.objectNode("defaults"), existing(m.mapping("exists")), forms(m.mapping("forms")));
    }

    /** {@code create.limits}: sent field → {table, by, max, less, error: {code, param, message}}. */
    private static Map<String, CreateRule.Limit> limits(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, CreateRule.Limit> out = new LinkedHashMap<>();
        m.node().fieldNames().forEachRemaining(field -> {
            YamlMapping entry = m.mapping(field);
            if (entry == null) {
                return;
            }
            entry.allowOnly("table", "by", "max", "less", "error");
            boolean complete = entry.require("table") & entry.require("by") & entry.require("max")
                    & entry.require("error");
            YamlMapping error = entry.mapping("error");
            String code = null;
            String param = null;
            String message = null;
            if (error != null) {
                error.allowOnly("code", "param", "message");
                Templates.check(error, "message", TemplateScope.LIMIT);
                complete &= error.require("message");
                code = error.string("code");
                param = error.name("param");
                message = error.string("message");
            }
            String table = entry.name("table");
            String by = entry.name("by");
            String max = entry.name("max");
            if (complete && table != null && by != null && max != null && message != null) {
                out.put(field, new CreateRule.Limit(table, by, max, entry.name("less"), code, param, message));
            }
        });
        return out;
    }

    /** {@code create.lookup}: field → {table, by, field}, each a name. */
    private static Map<String, CreateRule.Lookup> lookups(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, CreateRule.Lookup> out = new LinkedHashMap<>();
        m.node().fieldNames().forEachRemaining(field -> {
            YamlMapping entry = m.mapping(field);
            if (entry == null) {
                return;
            }
            entry.allowOnly("table", "by", "field");
            boolean complete = entry.require("table") & entry.require("by") & entry.require("field");
            String table = entry.name("table");
            String by = entry.name("by");
            String source = entry.name("field");
            if (complete && table != null && by != null && source != null) {
                out.put(field, new CreateRule.Lookup(table, by, source));
            }
        });
        return out;
    }

    /** {@code create.exists}: field → {table: name, status: 4xx, body: JSON template over sent}. */
    private static Map<String, CreateRule.Exists> existing(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, CreateRule.Exists> out = new LinkedHashMap<>();
        m.node().fieldNames().forEachRemaining(field -> {
            YamlMapping entry = m.mapping(field);
            if (entry == null) {
                return;
            }
            entry.allowOnly("table", "status", "body");
            Templates.check(entry, "body", TemplateScope.SENT);
            boolean complete = entry.require("table") & entry.require("status");
            String table = entry.name("table");
            Integer status = entry.integer("status", null, 400, 499);
            if (complete && table != null && status != null) {
                out.put(field, new CreateRule.Exists(table, status, entry.raw("body")));
            }
        });
        return out;
    }

    /** {@code create.replace}: field → {with: template over item, keep: regex, table: name}. */
    /** {@code create.forms}: per field, a required pattern and the refusal of a value that does not match it. */
    private static Map<String, CreateRule.Form> forms(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, CreateRule.Form> out = new LinkedHashMap<>();
        m.node().fieldNames().forEachRemaining(field -> {
            YamlMapping entry = m.mapping(field);
            if (entry == null) {
                return;
            }
            entry.allowOnly("pattern", "status", "body");
            Templates.check(entry, "body", TemplateScope.FORM);
            java.util.regex.Pattern pattern = entry.require("pattern") ? entry.regex("pattern") : null;
            Integer status = entry.integer("status", null, 400, 499);
            if (pattern != null) {
                out.put(field, new CreateRule.Form(pattern, status, entry.raw("body")));
            }
        });
        return out;
    }

    private static Map<String, CreateRule.Replace> replacements(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, CreateRule.Replace> out = new LinkedHashMap<>();
        m.node().fieldNames().forEachRemaining(field -> {
            YamlMapping entry = m.mapping(field);
            if (entry == null) {
                return;
            }
            entry.allowOnly("with", "keep", "table");
            Templates.check(entry, "with", TemplateScope.ROW);
            String with = entry.require("with") ? entry.string("with") : null;
            java.util.regex.Pattern keep = entry.regex("keep");
            String table = entry.name("table");
            if (with != null) {
                out.put(field, new CreateRule.Replace(with, keep, table));
            }
        });
        return out;
    }

    private static DeleteRule delete(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("status", "preserve", "body", "answersRow", "omit");
        Templates.check(m, "body", TemplateScope.ROW);
        return new DeleteRule(m.integer("status", null, 200, 299), m.bool("preserve", null), m.raw("body"),
                m.bool("answersRow", null), m.has("omit") ? m.names("omit") : null);
    }

    private static ErrorRules errors(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("wrap", "fields", "status", "typeMap", "codeMap", "extraFields", "messageMap", "emptyBody",
                "bodies", "malformedBody", "byParam");
        Templates.check(m, "extraFields", TemplateScope.ERROR_BODY);
        Templates.check(m, "bodies", TemplateScope.ERROR_BODY);
        Templates.check(m, "messageMap", TemplateScope.NOT_FOUND_MESSAGE);
        checkMessageKinds(m);
        return new ErrorRules(m.name("wrap"), m.nameMap("fields", ErrorRules.INTERNAL_FIELDS),
                kindMap(m, "status", (p, v) -> status(m, p, v)),
                kindMap(m, "typeMap", m::text),
                kindMap(m, "codeMap", (p, v) -> v.deepCopy()),
                m.objectNode("extraFields"),
                kindMap(m, "messageMap", m::text),
                m.errorKinds("emptyBody"),
                m.jsonMap("bodies", k -> m.errorKindKey("bodies", k)),
                malformedBody(m.mapping("malformedBody")), fieldRefusals(m.mapping("byParam")));
    }

    /** {@code errors.byParam}: request field → rule → {status: 4xx, body: the API's answer}. */
    private static Map<String, Map<String, ErrorRules.FieldRefusal>> fieldRefusals(YamlMapping m) {
        if (m == null) {
            return null;
        }
        Map<String, Map<String, ErrorRules.FieldRefusal>> out = new LinkedHashMap<>();
        m.node().fieldNames().forEachRemaining(field -> {
            YamlMapping rules = m.mapping(field);
            if (rules == null) {
                return;
            }
            Map<String, ErrorRules.FieldRefusal> byRule = new LinkedHashMap<>();
            rules.node().fieldNames().forEachRemaining(rule -> {
                YamlMapping entry = rules.mapping(rule);
                if (entry == null) {
                    return;
                }
                entry.allowOnly("status", "body");
                boolean complete = entry.require("status") & entry.require("body");
                Integer status = entry.integer("status", null, 400, 499);
                if (complete && status != null) {
                    byRule.put(rule, new ErrorRules.FieldRefusal(status, entry.raw("body")));
                }
            });
            out.put(field, byRule);
        });
        return out;
    }

    /** A parser dialect framed by prefix and suffix, or a constant body: one of the two, never both. */
    private static MalformedBody malformedBody(YamlMapping m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("status", "contentType", "dialect", "prefix", "suffix", "body");
        Integer status = m.integer("status", 400, 400, 499);
        JsonSyntaxDialect dialect = m.enumValue("dialect", JsonSyntaxDialect.class, null);
        String body = m.string("body");
        if (m.has("dialect") && m.has("body")) {
            m.problem("body", "a dialect computes the message from the bytes received; body is the constant text "
                    + "used without one (set one of dialect and body)");
        } else if (!m.has("dialect") && !m.has("body")) {
            m.problem("expected a dialect (" + String.join(" | ", YamlMapping.yamlNames(JsonSyntaxDialect.class))
                    + ") or a constant body");
        }
        for (String framing : new String[] {"prefix", "suffix"}) {
            if (!m.has("dialect") && m.has(framing)) {
                m.problem(framing, framing + " frames a dialect's message; with a constant body it has no use");
            }
        }
        return new MalformedBody(status == null ? 400 : status, m.string("contentType"), dialect,
                m.string("prefix"), m.string("suffix"), body);
    }

    /** Only the NOT_FOUND message is written by the twin; every other message comes from its cause. */
    private static void checkMessageKinds(YamlMapping m) {
        YamlMapping messages = m.has("messageMap") && m.node().get("messageMap").isObject() ? m.mapping("messageMap")
                : null;
        if (messages == null) {
            return;
        }
        messages.node().fieldNames().forEachRemaining(key -> {
            ErrorKind kind = YamlMapping.parseEnum(key, ErrorKind.class);
            if (kind != null && kind != ErrorKind.NOT_FOUND) {
                messages.context().problemAtKey(messages.pointer(key), "only NOT_FOUND's message is a template; a "
                        + kind.name() + " message comes from its cause (reshape it with errors.bodies)");
            }
        });
    }

    private static <V> Map<ErrorKind, V> kindMap(YamlMapping m, String key, YamlMapping.ValueParser<V> values) {
        Function<String, ErrorKind> keys = k -> m.errorKindKey(key, k);
        return m.map(key, keys, values);
    }

    private static Integer status(YamlMapping m, String valuePointer, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 100
                && value.intValue() <= 599) {
            return value.intValue();
        }
        m.context().problem(valuePointer, "expected an HTTP status (100-599), got "
                + YamlMapping.describe(value, m.text(valuePointer, value)));
        return null;
    }
}
