package dev.twin.replayer.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where each node of a parsed twin.yaml came from, keyed by JSON Pointer ({@code /extend/3/mock}).
 * Lets code that validates the config later (e.g. against the imported specs) point at the exact spot.
 */
public final class SourceMap {
    private final Path file;
    private final Map<String, SourceLocation> values;
    private final Map<String, SourceLocation> keys;
    private final Map<String, String> scalarTexts;

    SourceMap(Path file, Map<String, SourceLocation> values, Map<String, SourceLocation> keys,
              Map<String, String> scalarTexts) {
        this.file = file;
        this.values = Map.copyOf(values);
        this.keys = Map.copyOf(keys);
        this.scalarTexts = Map.copyOf(scalarTexts);
    }

    /** For configurations that do not come from a file (e.g. {@code twin serve --spec a.yaml}). */
    public static SourceMap empty(Path file) {
        return new SourceMap(file, Map.of(), Map.of(), Map.of());
    }

    public Path file() {
        return file;
    }

    /** Where the value at {@code jsonPointer} starts; the nearest existing ancestor's location if it is absent. */
    public SourceLocation locate(String jsonPointer) {
        String pointer = jsonPointer;
        while (true) {
            SourceLocation location = values.get(pointer);
            if (location != null) {
                return location;
            }
            if (pointer.isEmpty()) {
                return new SourceLocation(file, 1, 1);
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
    }

    /** Where the key naming {@code jsonPointer} is written (for "unknown key"); falls back to {@link #locate}. */
    public SourceLocation locateKey(String jsonPointer) {
        SourceLocation location = keys.get(jsonPointer);
        return location != null ? location : locate(jsonPointer);
    }

    Map<String, SourceLocation> values() {
        return values;
    }

    Map<String, SourceLocation> keys() {
        return keys;
    }

    Map<String, String> scalarTexts() {
        return scalarTexts;
    }

    /** The scalar exactly as written (YAML turns {@code off} into false; a string field wants "off"), or null. */
    String scalarText(String jsonPointer) {
        return scalarTexts.get(jsonPointer);
    }
}
