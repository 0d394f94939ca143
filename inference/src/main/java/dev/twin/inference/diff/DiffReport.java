package dev.twin.inference.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A diff ready to print: breaking changes first, then the others, each grouped by operation in path order.
 *
 * @param oldName what the old side is called in the report (a file, or a session)
 */
public record DiffReport(String oldName, String newName, List<Change> changes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DiffReport {
        List<Change> sorted = new ArrayList<>(changes);
        // stable: the operation order SpecDiff produced is kept inside each severity
        sorted.sort(Comparator.comparing(Change::severity));
        changes = List.copyOf(sorted);
    }

    public static DiffReport of(String oldName, OpenAPI before, String newName, OpenAPI after) {
        return new DiffReport(oldName, newName, SpecDiff.compare(before, after));
    }

    public long breakingCount() {
        return changes.stream().filter(Change::breaking).count();
    }

    public boolean hasBreaking() {
        return breakingCount() > 0;
    }

    public String text() {
        StringBuilder out = new StringBuilder("Comparing ").append(oldName).append(" → ").append(newName)
                .append(": ");
        long breaking = breakingCount();
        long other = changes.size() - breaking;
        if (changes.isEmpty()) {
            return out.append("no changes\n").toString();
        }
        out.append(count(breaking, "breaking change")).append(", ").append(count(other, "other change"))
                .append('\n');
        section(out, "Breaking changes", changes.subList(0, (int) breaking));
        section(out, "Other changes", changes.subList((int) breaking, changes.size()));
        return out.toString();
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("old", oldName);
        root.put("new", newName);
        root.put("breaking", breakingCount());
        root.put("nonBreaking", changes.size() - breakingCount());
        ArrayNode list = root.putArray("changes");
        for (Change change : changes) {
            ObjectNode node = list.addObject();
            node.put("severity", change.severity().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            node.put("kind", change.kind().label());
            node.put("operation", change.operation());
            node.put("location", change.location());
            node.put("old", change.oldValue());
            node.put("new", change.newValue());
            node.put("message", change.describe());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(StringBuilder out, String title, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append('\n');
        String operation = null;
        for (Change change : changes) {
            if (!change.operation().equals(operation)) {
                operation = change.operation();
                out.append("  ").append(operation).append('\n');
            }
            out.append("    ").append(change.describe()).append('\n');
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
