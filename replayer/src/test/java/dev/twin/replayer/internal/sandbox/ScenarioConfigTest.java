package dev.twin.replayer.internal.sandbox;

import dev.twin.replayer.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario mistakes are config errors at file:line:col, all reported at once, and nothing is served. */
class ScenarioConfigTest {
    @TempDir
    Path dir;

    @Test
    void anOperationGlobMatchingNothingIsAnErrorAtItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir, """
                scenarios:
                  - name: never
                    when: {operation: things.deleteThing*}
                    then: {status: 418}
                """));

        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0).toString();
        assertTrue(problem.contains("twin.yaml:13:"), problem);
        assertTrue(problem.contains("no imported operation matches 'things.deleteThing*'"), problem);
    }

    @Test
    void everyScenarioMistakeInTheFileIsReportedTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir, """
                scenarios:
                  - name: a
                    when: {operation: things.createThing, match: "input.name =="}
                    then: {status: 418}
                  - name: a
                    when: {operation: things.createThing, match: "nme == 'x'"}
                    then: {error: {kind: NOT_FOUD, message: gone}}
                  - name: b
                    when: {operation: things.createThing}
                    then: {body: {x: 1}, fault: reset}
                  - name: c
                    when: {operation: things.createThing}
                    then: {latency: {min: 5s, max: 1s}}
                """));

        String all = e.getMessage();
        assertTrue(all.contains("scenarios[0].when.match: expression does not parse"), all);
        assertTrue(all.contains("scenarios[1].name: duplicate scenario 'a'"), all);
        assertTrue(all.contains("scenarios[1].when.match: unknown variable 'nme'"), all);
        assertTrue(all.contains("scenarios[1].then.error.kind: unknown value 'NOT_FOUD'"), all);
        assertTrue(all.contains("scenarios[2].then.fault: a fault replaces the answer"), all);
        assertTrue(all.contains("scenarios[3].then.latency: min is greater than max"), all);
    }

    @Test
    void setOnAnOperationWithoutATableIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir, """
                scenarios:
                  - name: s
                    when: {operation: things.ping}
                    then: {set: {name: "'x'"}}
                """));

        assertTrue(e.getMessage().contains("things.ping is not bound to a table"), e.getMessage());
    }
}
