package dev.twin.replayer.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table's {@code seedFile}: a JSON array of objects, or JSON Lines (one object per line). Problems point
 * into the seed file itself ({@code seed/customers.jsonl:3:7}).
 */
final class SeedFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String label;
    private final LoadContext context;

    private SeedFileReader(Path file, String label, LoadContext context) {
        this.file = file;
        this.label = label;
        this.context = context;
    }

    /**
     * @param resolved the file to read
     * @param shown    the same file as messages show it
     * @param label    message prefix, e.g. {@code tables[0].seedFile}
     */
    static List<SeedRow> read(Path resolved, Path shown, String label, LoadContext context) throws IOException {
        String text = Files.readString(resolved);
        SeedFileReader reader = new SeedFileReader(shown, label, context);
        return text.stripLeading().startsWith("[") ? reader.readArray(text) : reader.readLines(text);
    }

    private List<SeedRow> readArray(String text) throws IOException {
        List<SeedRow> rows = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            parser.nextToken(); // START_ARRAY, checked by the caller
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    problem(parser.currentLocation(), "unexpected end of file: the array is not closed");
                    break;
                }
                SourceLocation where = location(parser.currentTokenLocation());
                JsonNode row = JSON.readTree(parser);
                addRow(rows, row, where, "[" + index++ + "]");
            }
            if (parser.nextToken() != null) {
                problem(parser.currentTokenLocation(), "unexpected content after the array");
            }
        } catch (JsonProcessingException e) {
            problem(e.getLocation(), "invalid JSON: " + e.getOriginalMessage());
        }
        return rows;
    }

    private List<SeedRow> readLines(String text) {
        List<SeedRow> rows = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            int column = line.length() - line.stripLeading().length() + 1;
            try {
                JsonNode row = JSON.readTree(line);
                addRow(rows, row, new SourceLocation(file, lineNumber, column), " line " + lineNumber);
            } catch (JsonProcessingException e) {
                int errorColumn = e.getLocation() == null ? column : e.getLocation().getColumnNr();
                context.problem(new ConfigProblem(new SourceLocation(file, lineNumber, errorColumn),
                        label + ": invalid JSON: " + e.getOriginalMessage()));
            }
        }
        return rows;
    }

    private void addRow(List<SeedRow> rows, JsonNode row, SourceLocation where, String suffix) {
        if (row instanceof ObjectNode) {
            rows.add(new SeedRow((ObjectNode) row, where, label + suffix));
        } else {
            context.problem(new ConfigProblem(where, label + suffix + ": expected a JSON object, got "
                    + YamlMapping.describe(row, null)));
        }
    }

    private void problem(JsonLocation at, String message) {
        SourceLocation where = at == null ? SourceLocation.of(file) : location(at);
        context.problem(new ConfigProblem(where, label + ": " + message));
    }

    private SourceLocation location(JsonLocation at) {
        return new SourceLocation(file, at.getLineNr(), at.getColumnNr());
    }
}
