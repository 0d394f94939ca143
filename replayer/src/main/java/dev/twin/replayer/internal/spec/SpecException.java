package dev.twin.replayer.internal.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec that cannot be served: which file, and every problem that keeps it from being served, each where it is
 * when known (line 0 means the file as a whole) and why. The message has one line per problem, each reading
 * {@code file:line:column: reason}.
 */
public final class SpecException extends Exception {
    private final transient Path file;
    private final transient List<SpecProblem> problems;

    public SpecException(Path file, int line, int column, String reason) {
        this(file, List.of(new SpecProblem(SpecProblem.Severity.ERROR, "", line, column, reason, List.of())));
    }

    public SpecException(Path file, String reason) {
        this(file, 0, 0, reason);
    }

    /** @param problems at least one */
    public SpecException(Path file, List<SpecProblem> problems) {
        super(problems.stream().map(p -> where(file, p) + p.message()).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** {@code file:line:column: }, or {@code file: } when the problem has no line. */
    static String where(Path file, SpecProblem problem) {
        return problem.line() > 0 ? file + ":" + problem.line() + ":" + problem.column() + ": " : file + ": ";
    }

    public Path file() {
        return file;
    }

    /** Every problem, in the order found (errors of the full check in document order). */
    public List<SpecProblem> problems() {
        return problems;
    }

    /** The first problem's line. */
    public int line() {
        return problems.get(0).line();
    }

    public int column() {
        return problems.get(0).column();
    }

    public String reason() {
        return problems.get(0).message();
    }
}
