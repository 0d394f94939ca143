package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds {@code tables:}: id strategy, seed rows (inline and from a file), references, per-table conventions. */
final class TablesBinder {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    static final int DEFAULT_ID_LENGTH = 14;
    static final int DEFAULT_MAX_ROWS = 10_000;

    private TablesBinder() {
    }

    static List<TableConfig> bind(YamlMapping root, Conventions global) {
        return bind(root, global, false, new LinkedHashMap<>());
    }

    /**
     * @param derivedToo tables {@code stateful: auto} derives may be referenced too (checked once they are known)
     * @param written    filled with what is written for each table
     */
    static List<TableConfig> bind(YamlMapping root, Conventions global, boolean derivedToo,
                                  Map<String, Stateful.WrittenTable> written) {
        List<TableConfig> tables = new ArrayList<>();
        Map<String, SourceLocation> names = new LinkedHashMap<>();
        Map<String, String> referencePointers = new LinkedHashMap<>(); // pointer → referenced table
        if (global.create() != null) {
            createTables(global.create(), "/conventions/create", referencePointers);
        }
        for (YamlMapping entry : root.mappings("tables")) {
            TableConfig table = bindOne(entry, global, names, referencePointers, written);
            if (table != null) {
                tables.add(table);
            }
        }
        referencePointers.forEach((pointer, target) -> {
            if (!names.containsKey(target) && !derivedToo) {
                root.context().problem(pointer, ConfigProblems.withSuggestion("no table '" + target + "'",
                        target, names.keySet()));
            }
        });
        return tables;
    }

    private static TableConfig bindOne(YamlMapping m, Conventions global, Map<String, SourceLocation> names,
                                       Map<String, String> referencePointers,
                                       Map<String, Stateful.WrittenTable> written) {
        m.allowOnly("name", "idField", "idStrategy", "idPrefix", "idLength", "idAlphabet", "idPattern", "idType",
                "idStart", "idPosition", "embed", "seedData", "seedFile", "maxRows", "references", "response");
        String name = m.requiredString("name");
        if (name != null && !TABLE_NAME.matcher(name).matches()) {
            m.problem("name", "invalid table name '" + name + "': use letters, digits, '_', '-' and '.'");
        } else if (name != null) {
            SourceLocation earlier = names.putIfAbsent(name, m.location("name"));
            if (earlier != null) {
                m.problem("name", "duplicate table '" + name + "' (also at " + earlier + ")");
            }
        }
        String idField = m.name("idField", "id");
        IdStrategy strategy = m.enumValue("idStrategy", IdStrategy.class, defaultStrategy(m));
        checkIdKeys(m, strategy);
        String idPrefix = m.string("idPrefix", "");
        int idLength = m.integer("idLength", DEFAULT_ID_LENGTH, 1, 256);
        IdAlphabet alphabet = m.enumValue("idAlphabet", IdAlphabet.class, IdAlphabet.BASE62);
        Pattern idPattern = m.regex("idPattern");
        if (strategy == IdStrategy.PATTERN) {
            m.require("idPattern");
        }
        IdType idType = m.enumValue("idType", IdType.class, IdType.STRING);
        if (idType == IdType.INTEGER && strategy != null && strategy != IdStrategy.SEQUENCE) {
            m.problem("idType", "integer ids need idStrategy: sequence (this table's ids are not numbers)");
        }
        long idStart = m.integer("idStart", 1, 1, Integer.MAX_VALUE);
        if (m.has("idStart") && strategy != IdStrategy.SEQUENCE) {
            m.problem("idStart", "only used with idStrategy: sequence");
        }
        List<ObjectNode> seed = seedRows(m, idField);
        int maxRows = m.integer("maxRows", DEFAULT_MAX_ROWS, 1, Integer.MAX_VALUE);
        Map<String, String> references = m.stringMap("references");
        if (references != null) {
            references.forEach((field, target) -> {
                if (target != null) {
                    referencePointers.put(ConfigProblems.child(m.pointer("references"), field), target);
                }
            });
        }
        YamlMapping responseMapping = m.mapping("response");
        if (responseMapping != null && responseMapping.has("fieldLimits")) {
            responseMapping.problem("fieldLimits", "fieldLimits applies to the requests of every operation; "
                    + "set it under conventions, not per table");
        }
        Conventions override = ConventionsBinder.bind(responseMapping);
        if (override != null && override.create() != null) {
            createTables(override.create(), ConfigProblems.child(m.pointer("response"), "create"), referencePointers);
        }
        Conventions response = global.merge(override);
        if (override != null) {
            ConventionsBinder.checkMerged(response, m.pointer("response"), m.context());
        }
        if (override != null && override.update() != null && override.update().copyTo() != null
                && override.update().copyTo().table() != null) {
            referencePointers.put(m.pointer("response") + "/update/copyTo/table", override.update().copyTo().table());
        }
        if (name == null) {
            return null;
        }
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        m.node().fieldNames().forEachRemaining(keys::add);
        written.put(name, new Stateful.WrittenTable(keys, override));
        return new TableConfig(name, idField, strategy, idPrefix, idLength, alphabet,
                idPattern == null ? null : idPattern.pattern(), idType, idStart, seed, maxRows,
                references == null ? Map.of() : withoutNulls(references), response, m.location(),
                embed(m, referencePointers), m.enumValue("idPosition", IdPosition.class, IdPosition.FIRST)
                == IdPosition.LAST);
    }

    /**
     * The tables a create's {@code exists}, {@code lookup}, {@code replace} and {@code limits} read are checked to
     * exist.
     */
    private static void createTables(CreateRule create, String pointer, Map<String, String> referencePointers) {
        if (create.limits() != null) {
            create.limits().forEach((field, limit) -> referencePointers.put(ConfigProblems.child(
                    ConfigProblems.child(ConfigProblems.child(pointer, "limits"), field), "table"), limit.table()));
        }
        if (create.exists() != null) {
            create.exists().forEach((field, exists) -> referencePointers.put(ConfigProblems.child(
                    ConfigProblems.child(ConfigProblems.child(pointer, "exists"), field), "table"), exists.table()));
        }
        if (create.lookup() != null) {
            create.lookup().forEach((field, lookup) -> referencePointers.put(ConfigProblems.child(
                    ConfigProblems.child(ConfigProblems.child(pointer, "lookup"), field), "table"), lookup.table()));
        }
        if (create.replace() != null) {
            create.replace().forEach((field, replace) -> {
                if (replace.table() != null) {
                    referencePointers.put(ConfigProblems.child(ConfigProblems.child(ConfigProblems.child(pointer,
                            "replace"), field), "table"), replace.table());
                }
            });
        }
    }

    /** Where rows the twin writes carry their id field: first, or after the fields sent. */
    private enum IdPosition { FIRST, LAST }

    /** The embed section; each child table is checked to exist like a reference. */
    private static Embed embed(YamlMapping m, Map<String, String> referencePointers) {
        YamlMapping e = m.mapping("embed");
        if (e == null) {
            return null;
        }
        e.allowOnly("param", "children");
        String param = e.require("param") ? e.name("param") : null;
        Map<String, String> children = e.nameMap("children");
        if (param == null || children == null || children.isEmpty()) {
            if (children == null || children.isEmpty()) {
                e.problem("children", "name at least one table and the field holding this row's id "
                        + "(comments: postId)");
            }
            return null;
        }
        children.keySet().forEach(table -> referencePointers.put(
                ConfigProblems.child(e.pointer("children"), table), table));
        return new Embed(param, withoutNulls(children));
    }

    /** {@code idPattern} written → pattern; {@code idPrefix} written → prefix; else uuid. */
    private static IdStrategy defaultStrategy(YamlMapping m) {
        if (m.has("idPattern")) {
            return IdStrategy.PATTERN;
        }
        return m.has("idPrefix") ? IdStrategy.PREFIX : IdStrategy.UUID;
    }

    /** Keys that only one strategy reads are mistakes under another (the user expects them to matter). */
    private static void checkIdKeys(YamlMapping m, IdStrategy strategy) {
        if (strategy == null) {
            return;
        }
        String wanted = YamlMapping.yamlNames(IdStrategy.class).get(strategy.ordinal());
        for (String key : new String[] {"idPrefix", "idLength", "idAlphabet"}) {
            if (m.has(key) && strategy != IdStrategy.PREFIX) {
                m.problem(key, "only used with idStrategy: prefix (this table uses " + wanted + ")");
            }
        }
        if (m.has("idPattern") && strategy != IdStrategy.PATTERN) {
            m.problem("idPattern", "only used with idStrategy: pattern (this table uses " + wanted + ")");
        }
    }

    private static List<ObjectNode> seedRows(YamlMapping m, String idField) {
        List<SeedRow> rows = new ArrayList<>();
        List<JsonNode> inline = m.list("seedData");
        for (int i = 0; i < inline.size(); i++) {
            String pointer = ConfigProblems.child(m.pointer("seedData"), i);
            YamlMapping row = YamlMapping.of(inline.get(i), pointer, m.context());
            if (row != null) {
                rows.add(new SeedRow(row.node().deepCopy(), row.location(), ConfigProblems.displayPath(pointer)));
            }
        }
        String seedFile = m.string("seedFile");
        if (seedFile != null) {
            rows.addAll(readSeedFile(m, seedFile));
        }
        checkIds(rows, idField, m.context());
        return rows.stream().map(SeedRow::row).toList();
    }

    private static List<SeedRow> readSeedFile(YamlMapping m, String seedFile) {
        Path resolved = m.context().baseDir().resolve(seedFile).toAbsolutePath().normalize();
        if (!Files.isRegularFile(resolved)) {
            m.problem("seedFile", "file not found: " + seedFile);
            return List.of();
        }
        try {
            return SeedFileReader.read(resolved, m.context().displayPath(seedFile),
                    ConfigProblems.displayPath(m.pointer("seedFile")), m.context());
        } catch (MalformedInputException e) {
            m.problem("seedFile", "not UTF-8 text: " + seedFile);
        } catch (IOException e) {
            m.problem("seedFile", "cannot read " + seedFile + ": " + e.getMessage());
        }
        return List.of();
    }

    private static void checkIds(List<SeedRow> rows, String idField, LoadContext context) {
        Map<String, SourceLocation> seen = new HashMap<>();
        for (SeedRow row : rows) {
            JsonNode id = row.row().get(idField);
            if (id == null || id.isNull() || !id.isValueNode()) {
                context.problem(new ConfigProblem(row.location(), row.label() + ": seed row has no '" + idField
                        + "' (seed rows keep their ids, so each needs one)"));
                continue;
            }
            SourceLocation earlier = seen.putIfAbsent(id.asText(), row.location());
            if (earlier != null) {
                context.problem(new ConfigProblem(row.location(), row.label() + ": duplicate id '" + id.asText()
                        + "' (also at " + earlier + ")"));
            }
        }
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
