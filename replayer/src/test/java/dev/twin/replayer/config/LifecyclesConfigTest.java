package dev.twin.replayer.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code clock:}, {@code lifecycles:} and {@code callbacks:} as twin.yaml writes them, and every mistake in them. */
class LifecyclesConfigTest {
    private static final String IMPORT = "imports: [{path: spec.yaml, as: shop}]\ntables: [{name: orders}]\n";

    @TempDir
    Path dir;

    private TwinConfig load(String yaml) throws ConfigException {
        return ConfigLoader.load(ConfigFiles.twinYaml(dir, yaml));
    }

    private List<String> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void aLifecycleIsReadWithItsTransitionsAndWhatEnteringAStateDoes() throws Exception {
        SandboxConfig sandbox = load(IMPORT + """
                clock: {mode: manual, start: "2024-05-01T12:00:00Z"}
                lifecycles:
                  - table: orders
                    transitions:
                      - {from: [placed, held], to: packed, after: 90s, when: "row.ready == true", set: {by: "'robot'"}}
                    enter:
                      packed: {set: {packed_at: time.iso8601}, update: [{table: orders, where: {parent: row.id}, delete: true}]}
                """).sandbox();

        Lifecycle lifecycle = sandbox.lifecycles().get(0);
        assertEquals(new ClockConfig(ClockConfig.Mode.MANUAL, Instant.parse("2024-05-01T12:00:00Z"),
                sandbox.clock().location()), sandbox.clock());
        assertEquals("lifecycle-0", lifecycle.name());
        assertEquals("status", lifecycle.field());
        assertEquals(List.of("placed", "held"), lifecycle.transitions().get(0).from());
        assertEquals(Duration.ofSeconds(90), lifecycle.transitions().get(0).after());
        assertEquals("row.ready == true", lifecycle.transitions().get(0).when().source());
        assertEquals(List.of("packed_at"), List.copyOf(lifecycle.enter().get("packed").set().keySet()));
        assertEquals(true, lifecycle.enter().get("packed").update().get(0).delete());
    }

    @Test
    void clockIsSystemUnlessWrittenAndTakesAShortForm() throws Exception {
        assertEquals(ClockConfig.Mode.SYSTEM, load(IMPORT).sandbox().clock().mode());
        assertEquals(ClockConfig.Mode.MANUAL, load(IMPORT + "clock: manual\n").sandbox().clock().mode());
    }

    @Test
    void clockMistakesAreReportedAtTheirLine() {
        assertEquals(List.of("twin.yaml:3:8: clock: unknown value 'paused', expected system | manual"),
                problems(IMPORT + "clock: paused\n"));
        assertEquals(List.of("twin.yaml:3:30: clock.start: expected an ISO-8601 instant such as "
                        + "2024-05-01T12:00:00Z, got 'tomorrow'"),
                problems(IMPORT + "clock: {mode: manual, start: tomorrow}\n"));
        assertEquals(List.of("twin.yaml:3:30: clock.start: only used with mode: manual (the system clock starts at "
                        + "the real time)"),
                problems(IMPORT + "clock: {mode: system, start: \"2024-05-01T12:00:00Z\"}\n"));
    }

    @Test
    void transitionMistakesAreReportedAtTheirLine() {
        assertEquals(List.of("twin.yaml:5:43: lifecycles[0].transitions[0].after: invalid duration 'later', "
                        + "expected a positive number and a unit: 90s, 30m, 24h, 7d"),
                problems(IMPORT + "lifecycles:\n  - table: orders\n    transitions: [{from: a, to: b, after: later}]\n"));
        assertEquals(List.of("twin.yaml:5:19: lifecycles[0].transitions[0].to: required key is missing"),
                problems(IMPORT + "lifecycles:\n  - table: orders\n    transitions: [{from: a, after: 1s}]\n"));
        assertEquals(List.of("twin.yaml:5:53: lifecycles[0].transitions[0].when: unknown variable 'input' (known "
                        + "here: row, time)"),
                problems(IMPORT + "lifecycles:\n  - table: orders\n    transitions: [{from: a, to: b, after: 1s, "
                        + "when: \"input.x\"}]\n"));
        assertEquals(List.of("twin.yaml:4:5: lifecycles[0]: nothing to do: give transitions, enter, or both"),
                problems(IMPORT + "lifecycles:\n  - table: orders\n"));
    }

    @Test
    void aTableThatIsNotThereIsReportedWithASuggestion() {
        assertEquals(List.of("twin.yaml:4:12: lifecycles[0].table: no table 'order' (did you mean 'orders'?)"),
                problems(IMPORT + "lifecycles:\n  - table: order\n    enter: {a: {set: {x: \"1\"}}}\n"));
        assertEquals(List.of("twin.yaml:5:15: callbacks.send[0].table: no table 'ordres' (did you mean 'orders'?)"),
                problems(IMPORT + "callbacks:\n  send:\n    - {table: ordres, url: row.hook}\n"));
    }

    @Test
    void enterUpdatesSayWhatTheyDo() {
        assertEquals(List.of("twin.yaml:5:26: lifecycles[0].enter.a.update[0]: give either set (fields of the rows "
                        + "found) or delete: true"),
                problems(IMPORT + "lifecycles:\n  - table: orders\n    enter: {a: {update: [{table: orders, "
                        + "where: {x: row.id}}]}}\n"));
    }

    @Test
    void callbackMistakesAreReportedAtTheirLine() {
        assertEquals(List.of("twin.yaml:5:7: callbacks.send[0].url: required key is missing"),
                problems(IMPORT + "callbacks:\n  send:\n    - {table: orders}\n"));
        assertEquals(List.of("twin.yaml:5:50: callbacks.send[0].signingKey: only used with a signature "
                        + "(signature: twilio)"),
                problems(IMPORT + "callbacks:\n  send:\n    - {table: orders, url: row.hook, signingKey: \"'k'\"}\n"));
        assertEquals(List.of("twin.yaml:4:16: callbacks.allowHosts[0]: expected a host name (api.example.com, "
                        + "*.example.com) or an IP address, got 'http://x.test/'"),
                problems(IMPORT + "callbacks:\n  allowHosts: [\"http://x.test/\"]\n"));
        assertEquals(List.of("twin.yaml:5:49: callbacks.send[0].signature: unknown value 'stripe', expected twilio "
                        + "| none"),
                problems(IMPORT + "callbacks:\n  send:\n    - {table: orders, url: row.hook, signature: stripe}\n"));
    }
}
