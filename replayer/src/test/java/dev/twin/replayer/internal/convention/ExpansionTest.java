package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.IdAlphabet;
import dev.twin.replayer.config.IdStrategy;
import dev.twin.replayer.config.IdType;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.internal.state.StateStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** expand[] replaces ids by rows inside an answer, never inside the rows the answer was shaped from. */
class ExpansionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TableConfig table(String name, String seed, Map<String, String> references) throws Exception {
        return new TableConfig(name, "id", IdStrategy.PREFIX, name.charAt(0) + "_", 14, IdAlphabet.BASE62, null,
                IdType.STRING, 1, List.of((ObjectNode) JSON.readTree(seed)), 0, references, Conventions.DEFAULTS,
                null);
    }

    @Test
    void givenAStoredObjectHoldingAReference_whenAPathExpandsThroughIt_thenTheStoredRowKeepsTheId() throws Exception {
        TableConfig people = table("people", "{\"id\":\"p1\",\"name\":\"Ada\"}", Map.of("manager", "people"));
        TableConfig teams = table("teams", "{\"id\":\"t1\",\"lead\":{\"name\":\"Bo\",\"manager\":\"p1\"}}",
                Map.of("lead", "people"));
        RowShaper teamShaper = TableConventions.of(teams).shaper();
        Expansion expansion = new Expansion(Map.of(
                "people", new Expansion.ExpandableTable(TableConventions.of(people).shaper(), people.references()),
                "teams", new Expansion.ExpandableTable(teamShaper, teams.references())));
        StateStore store = StateStore.inMemory(List.of(people, teams), Clock.systemUTC());

        String[] expandedAndStored = store.inTransaction("tenant", tables -> {
            ObjectNode answer = teamShaper.shape(tables.get("teams", "t1").orElseThrow());
            expansion.expand(answer, "teams", "lead.manager", tables);
            return new String[]{answer.path("lead").path("manager").path("name").asText(),
                    tables.get("teams", "t1").orElseThrow().data().path("lead").path("manager").asText()};
        });

        assertEquals("Ada", expandedAndStored[0]);
        assertEquals("p1", expandedAndStored[1]);
    }
}
