package dev.twin.inspector.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inspector.Background;
import dev.twin.inspector.Inspector;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.har.HarExporter;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.replayer.internal.admin.AdminAccess;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.admin.ServerSentEvents;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.internal.http.Delivery;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;
import dev.twin.replayer.internal.server.TwinServer;
import dev.twin.replayer.internal.startup.StartupCache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The inspector page of {@code twin record}, on its own loopback port: {@code /__twin/ui} with the routes of the
 * recording: {@code GET /__twin/recording} (what is recorded where), {@code GET /__twin/recording/exchanges}
 * (the latest, newest first), {@code GET /__twin/recording/exchanges/{id}}, {@code GET /__twin/recording/stream}
 * (server-sent events), {@code GET /__twin/recording/har} (the session as a HAR file) and
 * {@code POST/GET /__twin/recording/infer} (infer a twin from the session, and how that run went). Exchanges are
 * shown redacted. The admin API's protections apply as on {@code twin serve}'s.
 */
public final class RecordingInspector implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What is being recorded.
     *
     * @param description one line, e.g. {@code recording https://api.example.com via http://127.0.0.1:8081}
     * @param redactor    the recording's redaction (the page always shows exchanges redacted)
     * @param workDir     where "infer a twin" writes its directories (the working directory)
     */
    public record Recording(RecordingStore store, String session, String description, Redactor redactor,
                            Path workDir) {
        public Recording {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(redactor, "redactor");
            Objects.requireNonNull(workDir, "workDir");
        }
    }

    private final TwinServer server;

    private RecordingInspector(TwinServer server) {
        this.server = server;
    }

    /**
     * Starts the page's server on {@code host} (loopback; the admin API refuses anything else without a token)
     * and {@code port} (0: a free one).
     *
     * @throws IllegalArgumentException a host that is not loopback
     * @throws java.io.UncheckedIOException the port is taken
     */
    public static RecordingInspector start(String host, int port, AdminAccess access, Recording recording) {
        TwinServer server;
        try {
            server = TwinServer.builder().config(ConfigLoader.forSpecs(List.of())).host(host).port(port)
                    .admin(access).startupCache(StartupCache.DISABLED).journalCapacity(0).start();
        } catch (ConfigException e) {
            throw new IllegalStateException("a twin without specs always loads", e);
        }
        AdminRoutes routes = server.adminRoutes();
        Inspector.register(routes, Inspector.Mode.RECORD, null);
        register(routes, recording);
        return new RecordingInspector(server);
    }

    /** {@code http://127.0.0.1:PORT/__twin/ui}. */
    public String pageUrl() {
        return server.baseUrl() + "/__twin/ui";
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    static void register(AdminRoutes routes, Recording recording) {
        ExchangeView view = new ExchangeView(recording.redactor());
        SessionInference inference = new SessionInference(recording.store(), recording.session(),
                recording.workDir());
        RecordingStore store = recording.store();
        String session = recording.session();
        routes.add("GET", "/__twin/recording", (request, params) -> later(() -> {
            ObjectNode body = JSON.createObjectNode().put("store", store.file().toString()).put("session", session)
                    .put("description", recording.description()).put("exchanges", store.count(session))
                    .put("redacted", recording.redactor().enabled());
            store.sessions().forEach(body.putArray("sessions")::add);
            return TwinResponse.json(200, body.toString());
        }));
        routes.add("GET", "/__twin/recording/exchanges", (request, params) -> later(() -> {
            ObjectNode body = JSON.createObjectNode().put("session", session);
            var list = body.putArray("exchanges");
            List<Exchange> latest = store.latest(session, 200);
            for (int i = latest.size() - 1; i >= 0; i--) {
                list.add(view.summary(latest.get(i)));
            }
            return TwinResponse.json(200, body.toString());
        }));
        routes.add("GET", "/__twin/recording/stream", (request, params) -> {
            long after;
            try {
                after = request.queryParam("after") == null ? 0 : Long.parseLong(request.queryParam("after"));
            } catch (NumberFormatException e) {
                return ErrorResponses.error(400, "invalid_request_error", "after must be an exchange id", "after");
            }
            return ServerSentEvents.response(new RecordingStream(store, session, view, after));
        });
        routes.add("GET", "/__twin/recording/har", (request, params) -> later(() -> har(store, session, view)));
        routes.add("GET", "/__twin/recording/exchanges/{id}", (request, params) -> later(() -> {
            long id;
            try {
                id = Long.parseLong(params.get("id"));
            } catch (NumberFormatException e) {
                id = -1;
            }
            return store.get(id).filter(exchange -> exchange.session().equals(session))
                    .map(exchange -> TwinResponse.json(200, view.full(exchange).toString()))
                    .orElseGet(() -> ErrorResponses.error(404, "not_found", "No exchange " + params.get("id")
                            + " in session " + session + ".", "id"));
        }));
        routes.add("GET", "/__twin/recording/infer", (request, params) ->
                TwinResponse.json(200, inference.state().toString()));
        routes.add("POST", "/__twin/recording/infer", (request, params) -> startInference(request, inference));
    }

    private static TwinResponse startInference(TwinRequest request, SessionInference inference) {
        String out = null;
        if (request.body().length > 0) {
            try {
                JsonNode body = JSON.readTree(request.body());
                out = body.path("out").isTextual() ? body.get("out").asText() : null;
            } catch (IOException e) {
                return ErrorResponses.error(400, "invalid_request_error", "The body must be a JSON object such as"
                        + " {\"out\": \"twin-out\"}.", "body");
            }
        }
        try {
            return TwinResponse.json(202, inference.start(out).toString());
        } catch (IllegalArgumentException e) {
            return ErrorResponses.error(409, "invalid_request_error", e.getMessage(), "out");
        }
    }

    private static TwinResponse har(RecordingStore store, String session, ExchangeView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Stream<Exchange> exchanges = store.exchanges(session)) {
            Iterator<Exchange> shown = exchanges.map(view::shown).iterator();
            HarExporter.write(shown, out);
        } catch (IOException e) {
            return ErrorResponses.error(500, "twin_error", "Cannot write the HAR file: " + e.getMessage(), null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Content-Disposition", "attachment; filename=\"" + session.replaceAll("[^A-Za-z0-9._-]", "_")
                + ".har\"");
        return new TwinResponse(200, headers, out.toByteArray());
    }

    /** Store reads leave the event loop: the answer is written once the background read is done. */
    private static TwinResponse later(java.util.function.Supplier<TwinResponse> work) {
        return new TwinResponse(200, Map.of(), new byte[0], Delivery.deferred(Background.run(work)));
    }
}
