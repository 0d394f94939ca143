package dev.twin.replayer.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The mistakes in twin.yaml's magicValues, webhookEndpoints, search bindings and custom-operation control steps
 * (when, each, fail, call, merge), each with its location and message.
 */
class DepthConfigErrorsTest {
    private static final String IMPORT = "imports: [{path: spec.yaml, as: stripe}]\n";

    @TempDir
    Path dir;

    private List<String> problems(String yaml) {
        Path file = ConfigFiles.twinYaml(dir, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        return e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void aMagicValueTwoRecordsShareIsReportedAtTheSecond() throws Exception {
        Files.writeString(dir.resolve("cards.json"), "[\n{\"token\": \"tok_a\", \"number\": \"42\"},\n"
                + "{\"token\": \"tok_b\", \"number\": \"42\"}\n]\n");

        assertEquals(List.of("cards.json:3:1: magicValues.cards.file[1]: duplicate magic value '42' (also at "
                        + "cards.json:2:1)"),
                problems(IMPORT + "magicValues:\n  cards: {keys: [token, number], file: cards.json}\n"));
    }

    @Test
    void aCatalogueNeedsKeysAndRecordsThatHaveOne() {
        assertEquals(List.of("twin.yaml:3:35: magicValues.cards.values[0]: the record has none of the key fields "
                        + "token, so no value can find it",
                        "twin.yaml:4:13: magicValues.bad-name: invalid catalogue name 'bad-name': use letters, digits "
                                + "and '_' (expressions read it as magic.bad-name)"),
                problems(IMPORT + "magicValues:\n  cards: {keys: [token], values: [{brand: visa}]}\n"
                        + "  bad-name: {keys: [a], values: [{a: 1}]}\n"));
    }

    @Test
    void aCallThatLoopsBackIsReportedWithItsPath() {
        List<String> problems = problems(IMPORT + "customOperations:\n"
                + "  - name: A\n    steps: [{type: call, operation: B}]\n    response: input\n"
                + "  - name: B\n    steps: [{type: call, operation: A}]\n    response: input\n");

        assertEquals(List.of("twin.yaml:3:5: customOperations: A calls itself through A -> B -> A (a call step must "
                        + "not lead back to its own operation)",
                "twin.yaml:6:5: customOperations: B calls itself through B -> A -> B (a call step must not lead back "
                        + "to its own operation)"), problems);
    }

    @Test
    void aCallToNoOperationSuggestsTheClosestOne() {
        assertEquals(List.of("twin.yaml:4:49: customOperations[1].steps[0].operation: no custom operation 'Chrge' "
                        + "(did you mean 'Charge'?)"),
                problems(IMPORT + "customOperations:\n  - {name: Charge, steps: [{type: set, as: a, value: '1'}], "
                        + "response: a}\n  - {name: Pay, steps: [{type: call, operation: Chrge}], response: input}\n"));
    }

    @Test
    void anUpdateNeedsSetOrMergeAndEachReadsTheStepsOwnElement() {
        assertEquals(List.of("twin.yaml:6:9: customOperations[0].steps[0]: an update step needs set or merge (or "
                        + "both)",
                "twin.yaml:8:35: customOperations[0].steps[2].value: unknown variable 'each' (known here: input, "
                        + "request, magic, a)"),
                problems(IMPORT + "tables: [{name: things}]\ncustomOperations:\n  - name: X\n    steps:\n"
                        + "      - {type: update, table: things, id: input.id}\n"
                        + "      - {type: set, each: input.items, as: a, value: each.x}\n"
                        + "      - {type: set, as: b, value: each.x}\n    response: input\n"));
    }

    @Test
    void filtersAndSearchFieldsBelongToTheirActions() {
        assertEquals(List.of("twin.yaml:4:66: extend[0].filters: only used with action: list",
                        "twin.yaml:5:73: extend[1].searchFields: only used with action: search"),
                problems(IMPORT + "tables: [{name: prices}]\nextend:\n"
                        + "  - {mock: stripe.GetPrice, table: prices, action: get, filters: {a: b}}\n"
                        + "  - {mock: stripe.GetPrices, table: prices, action: list, searchFields: [a]}\n"));
    }

    @Test
    void anAllowedWebhookHostIsAHostName() {
        assertEquals(List.of("twin.yaml:4:31: webhookEndpoints.allowHosts[0]: expected a host name such as "
                        + "hooks.example.com (no scheme, port, path or wildcard), got 'https://x.test'"),
                problems(IMPORT + "tables: [{name: hooks}]\nwebhookEndpoints:\n"
                        + "  {table: hooks, allowHosts: [\"https://x.test\"]}\n"));
    }
}
