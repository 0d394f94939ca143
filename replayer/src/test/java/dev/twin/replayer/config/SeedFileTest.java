package dev.twin.replayer.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SeedFileTest {
    @TempDir
    Path dir;

    private Path twinYaml(String table) {
        return ConfigFiles.twinYaml(dir, "imports: [{path: spec.yaml}]\ntables:\n  - " + table + "\n");
    }

    private List<String> problems(Path file) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        return e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void givenAJsonArraySeedFile_whenLoaded_thenItsRowsFollowTheInlineRows() throws Exception {
        ConfigFiles.write(dir, "seed/customers.json", "[\n  {\"id\": \"cus_2\", \"name\": \"B\"},\n"
                + "  {\"id\": \"cus_3\", \"tags\": [1, 2]}\n]\n");
        Path file = twinYaml("{name: customers, seedData: [{id: cus_1}], seedFile: seed/customers.json}");

        TableConfig table = ConfigLoader.load(file).tables().get(0);

        assertEquals("[{\"id\":\"cus_1\"}, {\"id\":\"cus_2\",\"name\":\"B\"}, {\"id\":\"cus_3\",\"tags\":[1,2]}]",
                table.seedData().toString());
    }

    @Test
    void givenAJsonLinesSeedFile_whenLoaded_thenEachLineIsARowAndBlankLinesAreSkipped() throws Exception {
        ConfigFiles.write(dir, "seed/messages.jsonl", "{\"sid\": \"SM1\", \"body\": \"hi\"}\n\n{\"sid\": \"SM2\"}\n");
        Path file = twinYaml("{name: messages, idField: sid, seedFile: seed/messages.jsonl}");

        TableConfig table = ConfigLoader.load(file).tables().get(0);

        assertEquals("[{\"sid\":\"SM1\",\"body\":\"hi\"}, {\"sid\":\"SM2\"}]", table.seedData().toString());
    }

    @Test
    void givenInvalidJsonInAJsonLinesFile_whenLoaded_thenTheProblemPointsIntoTheSeedFile() {
        ConfigFiles.write(dir, "seed/m.jsonl", "{\"sid\": \"SM1\"}\n{\"sid\": SM2}\n");
        Path file = twinYaml("{name: messages, idField: sid, seedFile: seed/m.jsonl}");

        List<String> problems = problems(file);

        assertEquals(1, problems.size());
        assertEquals("seed/m.jsonl:2:12: tables[0].seedFile: invalid JSON: Unrecognized token 'SM2': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')", problems.get(0));
    }

    @Test
    void givenInvalidJsonInAnArrayFile_whenLoaded_thenTheProblemPointsIntoTheSeedFile() {
        ConfigFiles.write(dir, "seed/c.json", "[\n  {\"id\": \"a\"},\n  {\"id\": \"b\",}\n]\n");
        Path file = twinYaml("{name: customers, seedFile: seed/c.json}");

        assertEquals(List.of("seed/c.json:3:14: tables[0].seedFile: invalid JSON: Unexpected character ('}' "
                + "(code 125)): was expecting double-quote to start field name"), problems(file));
    }

    @Test
    void givenRowsWithoutOrWithDuplicateIds_whenLoaded_thenEachIsReportedWhereItIsWritten() {
        ConfigFiles.write(dir, "seed/c.json", "[{\"id\": \"a\"},\n {\"name\": \"no id\"},\n {\"id\": \"a\"}, 42]");
        Path file = twinYaml("{name: customers, seedData: [{name: x}], seedFile: seed/c.json}");

        assertEquals(List.of(
                "twin.yaml:3:34: tables[0].seedData[0]: seed row has no 'id' (seed rows keep their ids, so each "
                        + "needs one)",
                "seed/c.json:2:2: tables[0].seedFile[1]: seed row has no 'id' (seed rows keep their ids, so each "
                        + "needs one)",
                "seed/c.json:3:2: tables[0].seedFile[2]: duplicate id 'a' (also at seed/c.json:1:2)",
                "seed/c.json:3:15: tables[0].seedFile[3]: expected a JSON object, got '42'"), problems(file));
    }

    @Test
    void givenAMissingSeedFile_whenLoaded_thenThePathIsReportedInTwinYaml() {
        Path file = twinYaml("{name: customers, seedFile: seed/none.json}");

        assertEquals(List.of("twin.yaml:3:33: tables[0].seedFile: file not found: seed/none.json"), problems(file));
    }
}
