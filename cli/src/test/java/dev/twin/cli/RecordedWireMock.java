package dev.twin.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.twin.inference.Inference;
import dev.twin.inference.InferenceOptions;
import dev.twin.inference.Progress;
import dev.twin.inference.output.TwinFiles;
import dev.twin.inference.source.StoreSource;
import dev.twin.proxy.Origin;
import dev.twin.proxy.ProxyConfig;
import dev.twin.proxy.ReverseProxyServer;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.RecordingWriter;

import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The fixture of the end-to-end tests: {@link WireMockFlow} run against a real WireMock through twin's reverse
 * proxy into a store (session {@code admin}), and the twin inferred from that recording.
 *
 * @param store the recording store
 * @param twin  the directory {@code twin infer} wrote (twin.yaml, openapi.yaml, seeds)
 */
record RecordedWireMock(Path store, Path twin) {
    static final String SESSION = "admin";

    static RecordedWireMock recordAndInfer(Path dir) throws Exception {
        Path store = dir.resolve("twin.db");
        WireMockServer wireMock = new WireMockServer(options().port(0).bindAddress("127.0.0.1"));
        wireMock.start();
        try (RecordingStore recordings = RecordingStore.open(store)) {
            RecordingWriter writer = recordings.writer(Redactor.defaults());
            try (ReverseProxyServer proxy = ReverseProxyServer.start(ProxyConfig.defaults(0).withSession(SESSION),
                    Origin.parse("http://127.0.0.1:" + wireMock.port()), writer)) {
                WireMockFlow.run("http://127.0.0.1:" + proxy.port());
            }
            writer.close();
        } finally {
            wireMock.stop();
        }
        Path twin = dir.resolve("twin");
        try (StoreSource source = StoreSource.open(store, List.of(SESSION))) {
            TwinFiles.of(Inference.run(source, InferenceOptions.defaults(), Progress.NONE)).writeTo(twin);
        }
        return new RecordedWireMock(store, twin);
    }
}
