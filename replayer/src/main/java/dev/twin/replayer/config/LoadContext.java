package dev.twin.replayer.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What every section binder shares while one file loads: where things are, and the problems found so far. */
final class LoadContext {
    private final Path file;
    private final Path baseDir;
    private final SourceMap sourceMap;
    private final List<String> lines;
    private final List<ConfigProblem> problems = new ArrayList<>();

    LoadContext(Path file, Path baseDir, SourceMap sourceMap, List<String> lines) {
        this.file = file;
        this.baseDir = baseDir;
        this.sourceMap = sourceMap;
        this.lines = lines;
    }

    Path file() {
        return file;
    }

    Path baseDir() {
        return baseDir;
    }

    SourceMap sourceMap() {
        return sourceMap;
    }

    /** A relative path from the file, resolved against its directory; shown as the user would write it. */
    Path displayPath(String relative) {
        Path parent = file.getParent();
        return parent == null ? Path.of(relative) : parent.resolve(relative);
    }

    /** Line {@code number} (1-based) of the file's text, or "" past the end. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    /**
     * Where a position inside a written value (an expression, a template) is in the file: exact when the value is
     * written on one line as it reads (plain, or quoted without escapes); else the start of the value.
     *
     * @param line   1-based line inside the value
     * @param column 1-based column inside the value
     */
    SourceLocation locateInside(SourceLocation value, String source, int line, int column) {
        String written = line(value.line());
        int start = value.column() - 1;
        if (line != 1 || start < 0 || start >= written.length()) {
            return value;
        }
        char first = written.charAt(start);
        int offset = (first == '"' || first == '\'') ? 1 : 0;
        if (!written.startsWith(source, start + offset)) {
            return value;
        }
        return new SourceLocation(value.file(), value.line(), value.column() + offset + column - 1);
    }

    void problem(String pointer, String message) {
        problems.add(ConfigProblems.at(sourceMap, pointer, message));
    }

    void problemAtKey(String pointer, String message) {
        problems.add(new ConfigProblem(sourceMap.locateKey(pointer), ConfigProblems.prefixed(pointer, message)));
    }

    void problem(ConfigProblem problem) {
        problems.add(problem);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** This file's problems first, in reading order; then other files' (seed files). */
    List<ConfigProblem> problems() {
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((ConfigProblem p) -> !p.location().file().equals(file))
                .thenComparing(p -> p.location().file().toString())
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return sorted;
    }
}
