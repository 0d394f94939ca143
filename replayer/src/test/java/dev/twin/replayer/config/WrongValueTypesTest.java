package dev.twin.replayer.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A value of the wrong YAML type is a config problem at its line, never a twin that starts and misbehaves. */
class WrongValueTypesTest {
    private static final String IMPORT = "imports: [{path: spec.yaml, as: stripe}]\n";

    @TempDir
    Path dir;

    private List<String> problems(String yaml) {
        Path file = ConfigFiles.twinYaml(dir, IMPORT + yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        return e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void givenANumberAsTheIdField_whenLoaded_thenItIsAProblemSuggestingQuotes() {
        assertEquals(List.of("twin.yaml:4:14: tables[0].idField: expected a name, got '12345' (a number); quote it "
                + "(\"12345\") if that is the name"), problems("tables:\n  - name: pets\n    idField: 12345\n"));
    }

    @Test
    void givenAQuotedNumberAsTheIdField_whenLoaded_thenItIsThatName() throws ConfigException {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir, IMPORT
                + "tables:\n  - name: pets\n    idField: \"12345\"\n"));
        assertEquals("12345", config.tables().get(0).idField());
    }

    @Test
    void givenAListAsATablesResponse_whenLoaded_thenItIsAProblem() {
        assertEquals(List.of("twin.yaml:4:15: tables[0].response: expected a mapping, got a list"),
                problems("tables:\n  - name: pets\n    response: []\n"));
    }

    @Test
    void givenAMisspelledTopLevelKey_whenLoaded_thenTheKeyMeantIsSuggested() {
        assertEquals(List.of("twin.yaml:2:1: tabels: unknown key (did you mean 'tables'?)"),
                problems("tabels:\n  - name: pets\n"));
    }

    @Test
    void givenABooleanAsTheDataField_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems("conventions:\n  list: {dataField: true}\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("twin.yaml:3:21: conventions.list.dataField: expected a name, "
                + "got 'true' (a boolean)"), problems.toString());
    }

    @Test
    void givenAMappingAsARenamedField_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems("conventions:\n  fields: {rename: {To: {a: 1}}}\n");
        assertEquals(List.of("twin.yaml:3:25: conventions.fields.rename.To: expected a single value, got a mapping"),
                problems);
    }

    @Test
    void givenANumberAmongHiddenFields_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems("conventions:\n  fields: {hide: [updatedAt, 7]}\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("twin.yaml:3:30: conventions.fields.hide[1]: expected a name"),
                problems.toString());
    }

    @Test
    void givenANumberAsATenantHeader_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems("tenancy: {header: 42}\n");
        assertEquals(true, problems.get(0).startsWith("twin.yaml:2:19: tenancy.header: expected a name"),
                problems.toString());
    }
}
