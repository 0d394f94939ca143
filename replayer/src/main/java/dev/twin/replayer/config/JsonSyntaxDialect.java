package dev.twin.replayer.config;

import dev.twin.replayer.internal.dialect.GoJsonSyntax;
import dev.twin.replayer.internal.dialect.V8JsonSyntax;

import java.util.Locale;

/**
 * {@code conventions.errors.malformedBody.dialect} — whose JSON parser words the answer to a body that is not
 * JSON: the twin computes that parser's message for the bytes it received, as the API's own server would.
 */
public enum JsonSyntaxDialect {
    /**
     * Go's {@code encoding/json} ({@code json.Unmarshal}): {@code invalid character 'o' in literal null
     * (expecting 'u')}.
     */
    GO,
    /**
     * Node's {@code JSON.parse} (V8 11, Node 20): {@code Unexpected token 'o', "{"id": nope}" is not valid JSON},
     * {@code Expected property name or '}' in JSON at position 1}.
     */
    NODE;

    /** The name twin.yaml uses: {@code go}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** This parser's syntax error for these bytes, or null when it reads them as JSON. */
    public String messageFor(byte[] body) {
        return switch (this) {
            case GO -> GoJsonSyntax.message(body);
            case NODE -> V8JsonSyntax.message(body);
        };
    }
}
