package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.twin.inference.Inference;
import dev.twin.inference.InferenceOptions;
import dev.twin.inference.Progress;
import dev.twin.inference.output.TwinFiles;
import dev.twin.inference.source.StoreSource;
import dev.twin.proxy.Origin;
import dev.twin.proxy.ProxyConfig;
import dev.twin.proxy.ReverseProxyServer;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.RecordingWriter;
import dev.twin.replayer.server.TwinServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code replay:} end to end: WireMock's admin API recorded through the reverse proxy, its spec inferred, then a
 * twin of that spec with no table bindings answers the recorded flow's reads from the recordings, in order.
 */
class ReplayRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static WireMockServer wireMock;
    static Path store;
    static Path config;

    @BeforeAll
    static void recordAndInfer() throws Exception {
        wireMock = new WireMockServer(options().port(0).bindAddress("127.0.0.1"));
        wireMock.start();
        store = dir.resolve("twin.db");
        try (RecordingStore recordings = RecordingStore.open(store)) {
            RecordingWriter writer = recordings.writer(Redactor.defaults());
            try (ReverseProxyServer proxy = ReverseProxyServer.start(ProxyConfig.defaults(0).withSession("admin"),
                    Origin.parse("http://127.0.0.1:" + wireMock.port()), writer)) {
                WireMockFlow.run("http://127.0.0.1:" + proxy.port());
            }
            writer.close();
        }
        try (StoreSource source = StoreSource.open(store, List.of("admin"))) {
            TwinFiles.of(Inference.run(source, InferenceOptions.defaults(), Progress.NONE)).writeTo(dir.resolve("twin"));
        }
        config = dir.resolve("twin/replay.yaml");
        Files.writeString(config, """
                version: 1
                imports:
                  - {path: openapi.yaml, as: api}
                server: {validate: off}
                replay: {store: ../twin.db, sessions: [admin]}
                """);
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @Test
    void givenTheRecordedFlow_whenItsReadsAreRepeatedAgainstTheTwin_thenEachGetsTheRecordedAnswerInOrder()
            throws Exception {
        List<Exchange> recordedReads = recorded("GET");
        String first = pathOf(recordedReads, 1);
        String second = pathOf(recordedReads, 3);

        try (TwinServer twin = TwinServer.builder().configFile(config).host("127.0.0.1").port(0).start()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<HttpResponse<String>> answers = new java.util.ArrayList<>();
            for (String path : List.of("/__admin/mappings", first, first, second, "/__admin/mappings")) {
                answers.add(http.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }

            assertEquals(List.of(200, 200, 200, 404, 200),
                    answers.stream().map(HttpResponse::statusCode).collect(Collectors.toList()));
            for (int i = 0; i < recordedReads.size(); i++) {
                assertEquals(JSON.readTree(recordedReads.get(i).response().body().text()),
                        json(answers.get(i)), "answer " + i + " is recorded read " + i);
            }
            assertEquals(2, json(answers.get(0)).path("mappings").size());
            assertEquals(1, json(answers.get(4)).path("mappings").size());
        }
    }

    private static List<Exchange> recorded(String method) {
        try (RecordingStore recordings = RecordingStore.openReadOnly(store);
             Stream<Exchange> exchanges = recordings.exchanges("admin")) {
            return exchanges.filter(e -> e.request().method().equals(method)).collect(Collectors.toList());
        }
    }

    private static String pathOf(List<Exchange> exchanges, int index) {
        return exchanges.get(index).request().path();
    }

    private static JsonNode json(HttpResponse<String> response) throws java.io.IOException {
        return JSON.readTree(response.body());
    }
}
