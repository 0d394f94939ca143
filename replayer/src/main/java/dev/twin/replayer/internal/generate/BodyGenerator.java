package dev.twin.replayer.internal.generate;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Generates realistic JSON bodies from OpenAPI 3.0/3.1 schemas, deterministically: the same schema and seed give
 * byte-identical JSON in every run and JVM.
 *
 * <p>Schemas are swagger-core models as parsed with {@code resolve=true} (not resolveFully): references to
 * {@code #/components/schemas/...} are followed through {@code components}, recursion is bounded. Bodies are
 * response bodies: readOnly properties are included, writeOnly ones left out, optional properties included down
 * to a few levels of nesting. Thread-safe; construction is cheap and per-schema work is cached lazily.
 */
public final class BodyGenerator {

    private final SchemaResolver resolver;
    private final SchemaMatcher matcher;

    public BodyGenerator(Components components) {
        this.resolver = new SchemaResolver(components);
        this.matcher = new SchemaMatcher(resolver);
    }

    /**
     * Loads the fake-data library's value pools (hundreds of milliseconds, once per JVM). Optional: call it on a
     * background thread at start-up so the first request does not pay for it.
     */
    public static void warmUp() {
        ValueFaker.warmUp();
    }

    public JsonNode generate(Schema<?> schema, long seed) {
        return new Generation(resolver, matcher).value(schema, Slot.root(seed));
    }
}
