package dev.twin.replayer.config;

import dev.twin.replayer.internal.binding.StatefulTwin;
import dev.twin.replayer.internal.sandbox.SandboxFixture;
import dev.twin.replayer.internal.sandbox.SandboxTwin;
import dev.twin.replayer.internal.server.ServedApiLoader;
import dev.twin.replayer.internal.startup.StartupCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The project's own configs and specs, broken a few thousand ways (seeded): each either loads as {@code twin serve}
 * would load it (config, specs, bindings, sandbox) or is refused with {@link ConfigException}s whose every problem
 * has a file, a line and a message. Any other exception is a bug, reported with the seed and the mutation.
 */
class ConfigMutationFuzzTest {
    private static final long SEED = 18L;
    /**
     * Fewer for the large specs: a Stripe mutation that still loads reads its 5 MB spec and compiles its bindings
     * again (about 50 times the cost of a small one), so the small configs take most of the iterations.
     */
    private static final int STRIPE_MUTATIONS = 150;
    private static final int TWILIO_MUTATIONS = 250;
    private static final int PETSTORE_MUTATIONS = 400;
    private static final int MUTATIONS_PER_CONFIG = 900;
    private static final int MUTATIONS_PER_SPEC = 300;
    private static final Path EXAMPLES = Path.of("..", "examples");
    /** Every twin.yaml section, so that each binder is broken somewhere. */
    private static final String SANDBOX_SECTIONS = """
            scenarios:
              - name: throttled
                when: {operation: things.ping, match: "headers['x-force'] == 'yes'"}
                then:
                  error: {kind: RATE_LIMITED, message: "Slow down {{tenant}}", extra: {op: "{{operation}}"}}
                  headers: {Retry-After: "7"}
              - name: fixed
                when: {operation: "things.get*"}
                then: {status: 200, body: {id: "{{input.id}}", seen: "{{row.name}}"}, latency: 10ms}
            faults:
              seed: 42
              rules:
                - {operation: things.ping, fault: status-503, probability: 0.5}
            rateLimits:
              - name: reads
                operations: [things.listThings, things.getThing]
                capacity: 3
                refillPerSecond: 1
                headers: {limit: X-RateLimit-Limit, remaining: X-RateLimit-Remaining, reset: X-RateLimit-Reset}
            events:
              list: things.listThings
              emit:
                - {table: things, on: created, type: thing.created}
            webhooks:
              - {url: "http://127.0.0.1:9/hook", events: [thing.created], secret: whsec_x, signature: stripe}
            customOperations:
              - name: Rename
                steps:
                  - {type: read, table: things, id: "input.id", as: t}
                  - {type: update, table: things, id: "t.id", set: {name: "input.name ?? t.name"}}
                response: "t"
            """;

    @TempDir
    Path dir;

    /** Caches the large specs' indexes (as a second launch of serve would), so each load does not index again. */
    private StartupCache cache;

    @org.junit.jupiter.api.BeforeEach
    void cacheIndexes() {
        cache = StartupCache.at(dir.resolve("cache"));
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // a guard against a hang only; no test here measures time
    void mutatedConfigsLoadOrFailWithLocatedProblems() throws IOException {
        int refused = 0;
        refused += fuzzConfig("stripe", Files.readString(EXAMPLES.resolve("stripe/twin.yaml")),
                EXAMPLES.resolve("stripe"), List.of("spec3.json"), 1, STRIPE_MUTATIONS);
        refused += fuzzConfig("twilio", Files.readString(EXAMPLES.resolve("twilio/twin.yaml")),
                EXAMPLES.resolve("twilio"), List.of("twilio_api_v2010.json"), 2, TWILIO_MUTATIONS);
        refused += fuzzConfig("petstore", Files.readString(EXAMPLES.resolve("petstore/twin.yaml")),
                EXAMPLES.resolve("petstore"), List.of("petstore.yaml"), 3, PETSTORE_MUTATIONS);
        Path things = Files.createDirectories(dir.resolve("things-source"));
        Files.writeString(things.resolve("spec.yaml"), SandboxFixture.SPEC);
        refused += fuzzConfig("things", SandboxFixture.BASE_YAML + SANDBOX_SECTIONS, things, List.of("spec.yaml"), 4,
                MUTATIONS_PER_CONFIG);

        int total = STRIPE_MUTATIONS + TWILIO_MUTATIONS + PETSTORE_MUTATIONS + MUTATIONS_PER_CONFIG;
        assertTrue(refused >= total / 2, "most mutations should break something; only " + refused
                + " were refused, so the mutator is not reaching the loader");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // a guard against a hang only
    void mutatedSpecsLoadOrFailWithLocatedProblems() throws IOException {
        String twinYaml = SandboxFixture.BASE_YAML;
        fuzzSpec("things", SandboxFixture.SPEC, twinYaml, 5);
        String petstore = Files.readString(EXAMPLES.resolve("petstore/petstore.yaml"));
        fuzzSpec("petstore", petstore, Files.readString(EXAMPLES.resolve("petstore/twin.yaml")), 6);
    }

    /** Returns how many mutations were refused. */
    private int fuzzConfig(String name, String yaml, Path sourceDir, List<String> specs, long salt, int mutations)
            throws IOException {
        Path work = Files.createDirectories(dir.resolve(name));
        for (String spec : specs) {
            Path link = work.resolve(spec);
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, sourceDir.resolve(spec).toAbsolutePath().normalize());
            }
        }
        ConfigMutator mutator = new ConfigMutator(SEED * 31 + salt);
        int refused = 0;
        for (int i = 0; i < mutations; i++) {
            ConfigMutator.Mutation mutation = mutator.mutate(yaml);
            Path file = Files.writeString(work.resolve("twin.yaml"), mutation.text(), StandardCharsets.UTF_8);
            refused += loadsOrIsRefused(file, name + " #" + i + " (" + mutation.description() + ")") ? 0 : 1;
        }
        return refused;
    }

    private void fuzzSpec(String name, String spec, String twinYaml, long salt) throws IOException {
        Path work = Files.createDirectories(dir.resolve("spec-" + name));
        String specName = twinYaml.contains("petstore.yaml") ? "petstore.yaml" : "spec.yaml";
        Path file = Files.writeString(work.resolve("twin.yaml"), twinYaml);
        ConfigMutator mutator = new ConfigMutator(SEED * 31 + salt);
        for (int i = 0; i < MUTATIONS_PER_SPEC; i++) {
            ConfigMutator.Mutation mutation = mutator.mutate(spec);
            Files.writeString(work.resolve(specName), mutation.text(), StandardCharsets.UTF_8);
            loadsOrIsRefused(file, name + " spec #" + i + " (" + mutation.description() + ")");
        }
    }

    /** True when the config loads; false when it is refused properly; fails the test otherwise. */
    private boolean loadsOrIsRefused(Path file, String what) {
        try {
            TwinConfig config = ConfigLoader.load(file, StartupCache.DISABLED);
            StatefulTwin tables = StatefulTwin.inMemory(config, Clock.systemUTC());
            SandboxTwin sandbox = new SandboxTwin(tables);
            try {
                ServedApiLoader.load(config, sandbox, cache);
            } finally {
                sandbox.close();
                tables.store().close();
            }
            return true;
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                assertTrue(problem.location().line() >= 1, what + ": a problem without a line: " + problem);
                assertTrue(!problem.message().isBlank(), what + ": a problem without a message: " + problem);
                assertEquals(-1, problem.message().indexOf("Exception"), what + ": a message naming an exception: "
                        + problem);
            }
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return fail(what + " threw instead of reporting a config problem:\n" + trace);
        }
    }
}
