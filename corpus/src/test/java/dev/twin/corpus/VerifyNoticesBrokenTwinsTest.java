package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.twin.replayer.verify.Divergence;
import dev.twin.replayer.verify.VerifyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twin verify} stays honest: the twin inferred from the stripe-example recording, broken by hand in one
 * place at a time the way the inference issue found real twins broken, scores lower than the unbroken twin and
 * names the divergence. Maps only what the twin mints; nothing else is forgiven.
 */
class VerifyNoticesBrokenTwinsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path dir;
    static CorpusResult inferred;

    @BeforeAll
    static void recordAndInfer() throws Exception {
        inferred = CorpusRun.run(new StripeExampleApi(), dir.resolve("run"));
    }

    @Test
    void givenTheServerDefaultsLeftOut_whenVerified_thenTheMissingFieldsAreDivergences() throws Exception {
        assertNoticed("no-defaults", yaml -> table(yaml, "customers").with("response").with("fields")
                .remove("inject"), "missing field");
    }

    @Test
    void givenTheStateTransitionsLeftOut_whenVerified_thenTheUnchangedRowIsADivergence() throws Exception {
        assertNoticed("no-transitions", yaml -> {
            yaml.remove("customOperations");
            ArrayNode extend = (ArrayNode) yaml.get("extend");
            for (int i = extend.size() - 1; i >= 0; i--) {
                if (extend.get(i).path("action").asText().equals("custom")) {
                    extend.remove(i);
                }
            }
        }, "confirm");
    }

    @Test
    void givenErrorBodiesBlendedAcrossCauses_whenVerified_thenTheErrorFieldsAreDivergences() throws Exception {
        // a validation error wearing the not-found error's fields, as the issue found twins answering
        assertNoticed("blended-errors", yaml -> {
            ObjectNode bodies = yaml.with("conventions").with("errors").with("bodies");
            bodies.set("VALIDATION_ERROR", bodies.get("NOT_FOUND").deepCopy());
        }, "$.error.code");
    }

    @Test
    void givenAnotherIdShape_whenVerified_thenTheIdShapeIsADivergence() throws Exception {
        assertNoticed("id-shape", yaml -> table(yaml, "customers").put("idPrefix", "cust_"), "id shape changed");
    }

    @Test
    void givenTheDerivedCreateFieldsLeftOut_whenVerified_thenTheirAbsenceIsADivergence() throws Exception {
        assertNoticed("no-derive", yaml -> table(yaml, "payment_intents").with("response").with("create")
                .remove("derive"), "status");
    }

    @Test
    void givenAFrozenDeleteBody_whenVerified_thenTheDeletedIdIsADivergence() throws Exception {
        assertNoticed("frozen-delete", yaml -> {
            ObjectNode delete = table(yaml, "customers").with("response").with("delete");
            delete.with("body").put("id", "cus_FrozenCopyOfOne");
        }, "$.id");
    }

    private static ObjectNode table(ObjectNode yaml, String name) {
        for (JsonNode table : yaml.get("tables")) {
            if (table.path("name").asText().equals(name)) {
                return (ObjectNode) table;
            }
        }
        throw new AssertionError("no table " + name + " in the inferred twin.yaml");
    }

    private static void assertNoticed(String name, Consumer<ObjectNode> breakIt, String expected) throws Exception {
        Path broken = copy(inferred.twinDir(), dir.resolve(name));
        ObjectNode yaml = (ObjectNode) YAML.readTree(broken.resolve("twin.yaml").toFile());
        breakIt.accept(yaml);
        YAML.writeValue(broken.resolve("twin.yaml").toFile(), yaml);
        VerifyReport report = CorpusRun.verifyTwin(broken, dir.resolve("run").resolve("twin.db"));
        List<String> divergences = report.compared().stream()
                .flatMap(e -> e.divergences().stream().map((Divergence d) -> e.title() + ": " + d.describe()))
                .toList();
        assertTrue(report.score() < inferred.verifyScore(), name + ": " + report.score() + " is not below the "
                + "unbroken twin's " + inferred.verifyScore());
        assertTrue(divergences.stream().anyMatch(d -> d.contains(expected)), name + ": no divergence mentions '"
                + expected + "' in " + divergences);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
