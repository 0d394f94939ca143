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
