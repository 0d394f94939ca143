package dev.twin.replayer.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code scenarios:}: when a request of one of {@code operations} makes {@code match} true (or when a
 * client names it in a {@code Twin-Scenario} header), the twin answers with {@code then} instead of as usual.
 *
 * @param operations globs over namespaced operation ids ({@code stripe.PostPaymentIntents*}); each matches at least
 *                   one imported operation (checked by the server, which knows the operations)
 * @param match      a JEXL condition, or null for "every request of these operations"
 * @param pointer    where the entry is written, as a JSON pointer (for checks made after loading)
 */
public record Scenario(String name, List<String> operations, Expression match, ScenarioAnswer then,
                      SourceLocation location, String pointer) {
    /** The variables {@code when.match}, {@code then.set} and the templates may read. */
    public static final List<String> VARIABLES = List.of("input", "body", "query", "headers", "tenant", "operation",
            "row", "magic");

    public Scenario {
        Objects.requireNonNull(name, "name");
        operations = List.copyOf(operations);
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(location, "location");
    }
}
