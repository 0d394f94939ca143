package dev.twin.corpus;

import dev.twin.cli.TwinCommand;
import dev.twin.proxy.Origin;
import dev.twin.proxy.ProxyConfig;
import dev.twin.proxy.ReverseProxyServer;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.RecordingWriter;
import dev.twin.replayer.internal.verify.SessionResult;
import dev.twin.replayer.internal.verify.Verifier;
import dev.twin.replayer.internal.verify.VerifyReport;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The round trip for one corpus API, with the project's real components: start the real API, record the flow
 * through the reverse proxy (session {@value #SESSION}), {@code twin infer} with no edits (the CLI in-process), serve
 * the inferred twin as {@code twin serve} does, run the same flow against it, reset it, and {@code twin verify} it
 * against the recording.
 */
public final class CorpusRun {
    static final String SESSION = "corpus";
    static final double MIN_SCORE = 0.99;

    private CorpusRun() {
    }

    /** @param dir an empty directory for the real API's data, the recording store and the inferred twin */
    public static CorpusResult run(CorpusApi api, Path dir) throws Exception {
        Path store = dir.resolve("twin.db");
        Transcript recorded = record(api, Files.createDirectories(dir.resolve("upstream")), store);
        checkUnrevealableStepsExist(api, recorded);
        Path twinDir = dir.resolve("twin");
        infer(store, twinDir);
        try (ServedTwin twin = ServedTwin.start(twinDir)) {
            Transcript replayed = runFlow(api, twin.baseUrl(), List.of());
            reset(twin.baseUrl());
            VerifyReport verify = verify(twin.baseUrl(), store);
            return new CorpusResult(api.name(), recorded, replayed,
                    TranscriptComparison.compare(recorded, replayed, api.unrevealable()), verify,
                    Files.readString(twinDir.resolve("inference-report.md")), twinDir);
        }
    }

    private static Transcript record(CorpusApi api, Path workDir, Path storeFile) throws Exception {
        Transcript recorded;
        try (Upstream upstream = api.start(workDir);
             RecordingStore store = RecordingStore.open(storeFile)) {
            RecordingWriter writer = store.writer(Redactor.defaults());
            try (ReverseProxyServer proxy = ReverseProxyServer.start(ProxyConfig.defaults(0).withSession(SESSION),
                    Origin.parse(upstream.baseUrl().toString()), writer)) {
                recorded = runFlow(api, URI.create("http://127.0.0.1:" + proxy.port()), List.of(upstream.baseUrl()));
            }
            writer.close();
        }
        if (recorded.failure() != null) {
            throw new IllegalStateException(api.name() + ": the flow failed against the real API: "
                    + recorded.failure());
        }
        return recorded;
    }

    /** Runs the flow; an exception it throws ends the transcript (the twin may answer what the flow cannot use). */
    private static Transcript runFlow(CorpusApi api, URI base, List<URI> sameServer) {
        FlowClient client = new FlowClient(base, api.keptHeaders(), sameServer);
        try {
            api.flow(client);
            return client.transcript();
        } catch (Exception | AssertionError e) {
            return client.transcript().withFailure(e.toString());
        }
    }

    /** {@code twin infer --store STORE --out DIR}, in-process through the real command line. */
    private static void infer(Path store, Path out) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new TwinCommand());
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute("infer", "--store", store.toString(), "--out", out.toString());
        if (exitCode != 0) {
            throw new IllegalStateException("twin infer exited with " + exitCode + ": " + err);
        }
    }

    private static void reset(URI twin) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(twin.resolve("/__twin/reset"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST /__twin/reset answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    /** Serves the twin in {@code twinDir} (an edited copy, say) and verifies it against the recording in {@code store}. */
    static VerifyReport verifyTwin(Path twinDir, Path store) throws Exception {
        try (ServedTwin twin = ServedTwin.start(twinDir)) {
            return verify(twin.baseUrl(), store);
        }
    }

    /** What {@code twin verify --session corpus} does against the twin already running. */
    private static VerifyReport verify(URI twin, Path storeFile) {
        try (RecordingStore store = RecordingStore.openReadOnly(storeFile);
             Stream<Exchange> exchanges = store.exchanges(SESSION)) {
            SessionResult session = new Verifier(twin).replay(SESSION, exchanges);
            return new VerifyReport(List.of(session), MIN_SCORE);
        }
    }

    private static void checkUnrevealableStepsExist(CorpusApi api, Transcript recorded) {
        List<String> names = recorded.steps().stream().map(Step::name).toList();
        for (String name : new Unrevealable(api.unrevealable()).steps()) {
            if (!names.contains(name)) {
                throw new IllegalStateException(api.name() + ": unrevealable() names step '" + name
                        + "', which the flow does not take; its steps are " + names);
            }
        }
    }
}
