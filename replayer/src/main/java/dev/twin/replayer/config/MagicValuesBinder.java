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

/**
 * Binds {@code magicValues:}: catalogue name → {@code keys} (the fields that find a record), {@code values}
 * (records written inline) and {@code file} (a JSON array or JSON Lines file of more). Two records of a catalogue
 * with the same key value are an error at the second.
 */
final class MagicValuesBinder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private MagicValuesBinder() {
    }

    static MagicValues bind(YamlMapping root) {
        YamlMapping section = root.mapping("magicValues");
        if (section == null) {
            return MagicValues.NONE;
        }
        Map<String, MagicValues.Catalogue> catalogues = new LinkedHashMap<>();
        section.node().fieldNames().forEachRemaining(name -> {
            if (!NAME.matcher(name).matches()) {
                section.problem(name, "invalid catalogue name '" + name + "': use letters, digits and '_' "
                        + "(expressions read it as magic." + name + ")");
                return;
            }
            YamlMapping m = section.mapping(name);
            if (m != null) {
                MagicValues.Catalogue catalogue = catalogue(name, m);
                if (catalogue != null) {
                    catalogues.put(name, catalogue);
                }
            }
        });
        return new MagicValues(catalogues);
    }

    private static MagicValues.Catalogue catalogue(String name, YamlMapping m) {
        m.allowOnly("keys", "values", "file");
        if (!m.require("keys")) {
            return null;
        }
        List<String> keys = m.names("keys");
        if (keys == null) {
            return null;
        }
        if (keys.isEmpty()) {
            m.problem("keys", "at least one key field is required (the field whose value finds a record)");
            return null;
        }
        if (!m.has("values") && !m.has("file")) {
            m.problem("values or file is required (the records of the catalogue)");
            return null;
        }
        List<SeedRow> records = new ArrayList<>();
        List<JsonNode> inline = m.list("values");
        for (int i = 0; i < inline.size(); i++) {
            String pointer = ConfigProblems.child(m.pointer("values"), i);
            YamlMapping record = YamlMapping.of(inline.get(i), pointer, m.context());
            if (record != null) {
                records.add(new SeedRow(record.node().deepCopy(), record.location(),
                        ConfigProblems.displayPath(pointer)));
            }
        }
        String file = m.string("file");
        if (file != null) {
            records.addAll(readFile(m, file));
        }
        checkKeys(records, keys, m.context());
        return new MagicValues.Catalogue(name, keys, records.stream().map(SeedRow::row).toList());
    }

    private static List<SeedRow> readFile(YamlMapping m, String file) {
        Path resolved = m.context().baseDir().resolve(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(resolved)) {
            m.problem("file", "file not found: " + file);
            return List.of();
        }
        try {
            return SeedFileReader.read(resolved, m.context().displayPath(file),
                    ConfigProblems.displayPath(m.pointer("file")), m.context());
        } catch (MalformedInputException e) {
            m.problem("file", "not UTF-8 text: " + file);
        } catch (IOException e) {
            m.problem("file", "cannot read " + file + ": " + e.getMessage());
        }
        return List.of();
    }

    private static void checkKeys(List<SeedRow> records, List<String> keys, LoadContext context) {
        Map<String, SourceLocation> seen = new HashMap<>();
        for (SeedRow record : records) {
            ObjectNode row = record.row();
            boolean any = false;
            for (String key : keys) {
                JsonNode value = row.get(key);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (!value.isValueNode()) {
                    context.problem(new ConfigProblem(record.location(), record.label() + "." + key
                            + ": a key field must be a string or a number, got " + YamlMapping.describe(value, null)));
                    continue;
                }
                any = true;
                SourceLocation earlier = seen.putIfAbsent(value.asText(), record.location());
                if (earlier != null) {
                    context.problem(new ConfigProblem(record.location(), record.label() + ": duplicate magic value '"
                            + value.asText() + "' (also at " + earlier + ")"));
                }
            }
            if (!any) {
                context.problem(new ConfigProblem(record.location(), record.label() + ": the record has none of "
                        + "the key fields " + String.join(", ", keys) + ", so no value can find it"));
            }
        }
    }
}
