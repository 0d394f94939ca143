package dev.twin.replayer.internal.spec;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a spec, where it is and how much it matters.
 *
 * @param severity   an error keeps the spec from being served; a warning is served around
 * @param pointer    where, as a JSON Pointer into the document ({@code /paths/~1pets/get/parameters/0}); empty for
 *                   the document as a whole
 * @param line       1-based line in the file as written (0 when not located)
 * @param column     1-based column
 * @param message    what is wrong, in the user's terms
 * @param operations the operations the problem keeps from being served, as pointers
 *                   ({@code /paths/~1pets/get}); they answer 501 naming the problem
 */
public record SpecProblem(Severity severity, String pointer, int line, int column, String message,
                          List<String> operations) {
    /** How much a problem matters. */
    public enum Severity { ERROR, WARNING }

    public SpecProblem {
        Objects.requireNonNull(severity, "severity");
        pointer = pointer == null ? "" : pointer;
        Objects.requireNonNull(message, "message");
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    static SpecProblem error(String pointer, String message) {
        return new SpecProblem(Severity.ERROR, pointer, 0, 0, message, List.of());
    }

    static SpecProblem warning(String pointer, String message) {
        return new SpecProblem(Severity.WARNING, pointer, 0, 0, message, List.of());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    SpecProblem at(int atLine, int atColumn) {
        return new SpecProblem(severity, pointer, atLine, atColumn, message, operations);
    }

    SpecProblem keeping(List<String> unservable) {
        return new SpecProblem(severity, pointer, line, column, message, unservable);
    }
}
