package dev.twin.inference.roundtrip;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.twin.inference.Inference;
import dev.twin.inference.InferenceOptions;
import dev.twin.inference.InferredTwin;
import dev.twin.inference.Progress;
import dev.twin.inference.output.TwinFiles;
import dev.twin.inference.path.SpecPaths;
import dev.twin.inference.source.StoreSource;
import dev.twin.proxy.Origin;
import dev.twin.proxy.ProxyConfig;
import dev.twin.proxy.ReverseProxyServer;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.RecordingWriter;
import dev.twin.replayer.Twin;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test: record WireMock's admin API through twin's reverse proxy, infer, score the inferred
 * operations against WireMock's own OpenAPI document, serve the result and replay the same flow against it.
 */
class WireMockRoundTripTest {
    private static final Path PUBLISHED = Path.of("src/test/resources/wiremock/wiremock-admin-3.13.2.openapi.json");

    @TempDir
    static Path dir;
    static WireMockServer wireMock;
    static List<AdminFlow.Step> recorded;
    static InferredTwin inferred;
    static Path out;

    @BeforeAll
    static void recordAndInfer() throws Exception {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        long started = System.nanoTime();
        Path storeFile = dir.resolve("twin.db");
        try (RecordingStore store = RecordingStore.open(storeFile)) {
            RecordingWriter writer = store.writer(Redactor.defaults());
            try (ReverseProxyServer proxy = ReverseProxyServer.start(ProxyConfig.defaults(0).withSession("admin"),
                    Origin.parse("http://127.0.0.1:" + wireMock.port()), writer)) {
                recorded = AdminFlow.run("http://127.0.0.1:" + proxy.port());
            }
            writer.close();
            System.out.printf("recorded %d exchanges in %.1f s%n", store.count(), (System.nanoTime() - started) / 1e9);
        }
        recorded.forEach(s -> System.out.println("  " + s.method() + " " + s.path() + " -> " + s.status() + " "
                + s.body()));
        try (StoreSource source = StoreSource.open(storeFile, List.of("admin"))) {
            inferred = Inference.run(source, InferenceOptions.defaults(), Progress.NONE);
        }
        out = dir.resolve("out");
        System.out.printf("inferred after %.1f s%n", (System.nanoTime() - started) / 1e9);
        TwinFiles files = TwinFiles.of(inferred);
        files.writeTo(out);
        System.out.println(files.text("inference-report.md"));
        System.out.println(files.text("twin.yaml"));
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @Test
    void inferredOperationsScoreAgainstWireMocksPublishedDocument() {
        Set<String> published = operations(PUBLISHED);
        Set<String> found = new TreeSet<>();
        inferred.operations().forEach((template, byMethod) ->
                byMethod.keySet().forEach(method -> found.add(method + " " + normalise(template))));
        SpecPaths spec = SpecPaths.load(PUBLISHED);
        Set<String> exercised = new TreeSet<>();
        for (AdminFlow.Step step : recorded) {
            spec.match(step.method(), step.path()).ifPresent(m ->
                    exercised.add(step.method() + " " + normalise(m.template().template())));
        }
        Set<String> correct = new TreeSet<>(found);
        correct.retainAll(published);
        double precision = (double) correct.size() / found.size();
        double recallExercised = (double) correct.size() / exercised.size();
        double recallAll = (double) correct.size() / published.size();
        System.out.printf("WireMock admin round trip: inferred %d operations, %d correct; precision %.2f, "
                        + "recall %.2f of the %d operations the flow exercised, %.2f of all %d published%n",
                found.size(), correct.size(), precision, recallExercised, exercised.size(), recallAll,
                published.size());
        System.out.println("inferred: " + found + "\nexercised: " + exercised);
        assertTrue(precision >= 0.9, "precision " + precision);
        assertTrue(recallExercised >= 0.9, "recall " + recallExercised);
    }

    @Test
    void inferredSpecParsesWithoutMessages() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(out.resolve("openapi.yaml").toUri().toString(),
                null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages());
    }

    @Test
    void replayingTheFlowAgainstTheServedTwinAnswersLikeWireMock() throws Exception {
        long started = System.nanoTime();
        Twin twin = Twin.serve(out);
        System.out.printf("twin started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        List<AdminFlow.Step> replayed;
        try {
            replayed = AdminFlow.run("http://127.0.0.1:" + twin.port());
        } finally {
            twin.close();
        }
        List<String> statusMismatches = new ArrayList<>();
        List<String> bodyMismatches = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            AdminFlow.Step real = recorded.get(i);
            AdminFlow.Step copy = replayed.get(i);
            String step = real.method() + " " + real.path();
            if (real.status() != copy.status()) {
                statusMismatches.add(step + ": " + real.status() + " from WireMock, " + copy.status() + " from the twin");
            }
            List<String> diff = JsonStructure.differences(real.body(), copy.body());
            if (!diff.isEmpty()) {
                bodyMismatches.add(step + ": " + diff);
            }
        }
        System.out.printf("replayed in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println("replay: " + recorded.size() + " steps, " + statusMismatches.size()
                + " status mismatches, " + bodyMismatches.size() + " body structure mismatches");
        statusMismatches.forEach(m -> System.out.println("  status " + m));
        bodyMismatches.forEach(m -> System.out.println("  body " + m));
        assertEquals(List.of(), statusMismatches);
        // bound table operations answer like WireMock (list style none with meta.total, NOT_FOUND with no body),
        // unbound ones with their recorded example
        assertEquals(List.of(), bodyMismatches);
    }

    private static Set<String> operations(Path spec) {
        ParseOptions options = new ParseOptions();
        OpenAPI api = new OpenAPIParser().readLocation(spec.toAbsolutePath().toUri().toString(), null, options)
                .getOpenAPI();
        Set<String> out = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> out.add(method.name() + " " + normalise(path))));
        return out;
    }

    private static String normalise(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }
}
