package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.generate.BodyGenerator;
import dev.twin.replayer.internal.startup.StartupCache;
import dev.twin.replayer.internal.validation.OperationValidator;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;

import java.time.Duration;
import java.util.List;

/**
 * Loads and initialises the heavy libraries a first request needs (swagger's model mapper, the JSON-Schema
 * validator, the fake-data generator) on a background thread while the main thread reads the config and indexes
 * the specs. On two cores this takes most of their start-up cost off the first request's path.
 *
 * <p>When an earlier launch left a start-up cache, the first plain requests are answered from it without these
 * libraries, and a warm-up running at the same time only takes CPU from the start (Java thread priorities do not
 * reach the Linux scheduler). Then it waits a moment, so it runs after the first answers rather than beside them.
 */
final class Warmup {
    private static final String OPERATION = """
            {"operationId": "Warmup", "parameters": [{"name": "limit", "in": "query",
              "schema": {"type": "integer", "maximum": 100}}],
             "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object",
               "properties": {"email": {"type": "string", "format": "email"}, "metadata": {"type": "object",
                 "additionalProperties": {"type": "string"}}}}}}},
             "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
               "type": "object", "required": ["id"], "properties": {"id": {"type": "string"},
               "name": {"type": "string"}, "email": {"type": "string", "format": "email"},
               "created": {"type": "integer", "format": "unix-time"},
               "currency": {"type": "string"}, "url": {"type": "string"},
               "status": {"type": "string", "enum": ["a", "b"]}}}}}}}}
            """;

    /** Long enough for a cached launch (well under a second) to have bound and answered its first requests. */
    private static final Duration DELAY_WHEN_CACHED = Duration.ofSeconds(2);

    private Warmup() {
    }

    static void startInBackground(StartupCache cache) {
        Thread thread = new Thread(() -> delayThenRun(cache), "twin-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void delayThenRun(StartupCache cache) {
        if (cache.hasEntries()) {
            try {
                Thread.sleep(DELAY_WHEN_CACHED.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
        run();
    }

    private static void run() {
        try {
            Operation operation = Json.mapper().readValue(OPERATION, Operation.class);
            Components components = new Components();
            OperationValidator.compile(operation, components, List.of());
            new BodyGenerator(components).generate(
                    operation.getResponses().get("200").getContent().get("application/json").getSchema(), 1);
        } catch (Exception | LinkageError e) {
            // only a head start: the first request initialises whatever is left
        }
    }
}
