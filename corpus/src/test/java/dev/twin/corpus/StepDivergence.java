package dev.twin.corpus;

/**
 * One way the twin's answer to a step differs from the recorded one.
 *
 * @param step     the step's name
 * @param where    {@code status}, {@code request}, {@code header location}, a JSON path ({@code $.node.key}),
 *                 {@code body} (a non-JSON body) or {@code step} (the twin's run never reached the step)
 * @param recorded what the real API answered (JSON text for JSON values), or null when it had nothing there
 * @param twin     what the twin answered, or null when it had nothing there
 */
public record StepDivergence(String step, String where, String recorded, String twin) {
    /** The line a {@code known-divergences.txt} lists it by: {@code step-name  where}. */
    public String key() {
        return step + "  " + where;
    }

    /** E.g. {@code read-post-1  $.title: recorded "alpha", twin "beta"}. */
    public String describe() {
        return key() + ": recorded " + (recorded == null ? "(absent)" : recorded)
                + ", twin " + (twin == null ? "(absent)" : twin);
    }
}
