package dev.twin.replayer.internal.replay;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.har.HarException;
import dev.twin.recorder.har.HarImporter;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.StoreException;
import dev.twin.recorder.store.StoreInUseException;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.ReplayConfig;
import dev.twin.replayer.internal.routing.RouteMatch;
import dev.twin.replayer.internal.routing.Router;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the {@link RecordedAnswers} of a {@code replay:} section: opens the store read-only (it is never
 * modified, and released before serving starts), or reads the HAR file, checks the sessions, routes every recorded request through the
 * twin's router and groups identical requests. Exchanges without a complete response (failed, tunnelled, or a body
 * cut at the recording cap) are left out.
 */
public final class RecordedAnswersLoader {
    private static final System.Logger LOG = System.getLogger(RecordedAnswersLoader.class.getName());

    private RecordedAnswersLoader() {
    }

    /** @throws ConfigException naming the {@code replay:} line when the store or a session cannot be used */
    public static RecordedAnswers load(ReplayConfig config, Router router) throws ConfigException {
        if (!config.enabled()) {
            return RecordedAnswers.NONE;
        }
        List<Exchange> exchanges;
        if (isHar(config.store())) {
            exchanges = readHar(config);
        } else {
            exchanges = readStore(config);
        }
        RecordedAnswers answers = index(exchanges, router);
        LOG.log(System.Logger.Level.INFO, "replay: " + answers.size() + " recorded responses from "
                + config.store().getFileName());
        return answers;
    }

    /** A HAR file ({@code twin infer} writes the recordings its twin replays as {@code recordings.har}). */
    public static boolean isHar(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".har");
    }

    private static List<Exchange> readStore(ReplayConfig config) throws ConfigException {
        List<Exchange> exchanges;
        try (RecordingStore store = RecordingStore.openReadOnly(config.store())) {
            checkSessions(config, store.sessions());
            exchanges = read(config, store);
        } catch (StoreInUseException e) {
            throw new ConfigException(new ConfigProblem(config.location(), "replay.store: " + e.getMessage()
                    + " (a running twin record?); stop it, or replay a copy of the file"));
        } catch (StoreException e) {
            throw new ConfigException(new ConfigProblem(config.location(), "replay.store: " + e.getMessage()));
        }
        return exchanges;
    }

    /** The HAR's usable entries of the chosen sessions (its sessions are those its entries name), in file order. */
    private static List<Exchange> readHar(ReplayConfig config) throws ConfigException {
        List<Exchange> all = new ArrayList<>();
        try {
            HarImporter.read(config.store(), null, all::add);
        } catch (HarException e) {
            throw new ConfigException(new ConfigProblem(config.location(), "replay.store: " + e.getMessage()));
        }
        checkSessions(config, all.stream().map(Exchange::session).distinct().toList());
        Set<String> chosen = config.sessions().stream().map(ReplayConfig.Session::name).collect(Collectors.toSet());
        return all.stream().filter(e -> chosen.isEmpty() || chosen.contains(e.session()))
                .filter(RecordedAnswersLoader::replayable).collect(Collectors.toList());
    }

    private static void checkSessions(ReplayConfig config, List<String> existing) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < config.sessions().size(); i++) {
            ReplayConfig.Session session = config.sessions().get(i);
            if (!existing.contains(session.name())) {
                problems.add(new ConfigProblem(session.location(), "replay.sessions[" + i + "]: no session '"
                        + session.name()
                        + "' in " + config.store().getFileName() + "; " + (existing.isEmpty() ? "the store is empty"
                        : "its sessions: " + String.join(", ", existing))));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** Usable exchanges of the chosen sessions, in recorded order. */
    private static List<Exchange> read(ReplayConfig config, RecordingStore store) {
        if (config.sessions().isEmpty()) {
            try (Stream<Exchange> all = store.exchanges(null)) {
                return all.filter(RecordedAnswersLoader::replayable).collect(Collectors.toList());
            }
        }
        List<Exchange> chosen = new ArrayList<>();
        for (ReplayConfig.Session session : config.sessions()) {
            try (Stream<Exchange> recorded = store.exchanges(session.name())) {
                recorded.filter(RecordedAnswersLoader::replayable).forEach(chosen::add);
            }
        }
        chosen.sort(Comparator.comparingLong(Exchange::id));
        return chosen;
    }

    private static boolean replayable(Exchange exchange) {
        return exchange.succeeded() && !exchange.tunnelled() && !exchange.response().body().truncated();
    }

    private static RecordedAnswers index(List<Exchange> exchanges, Router router) {
        Map<String, Map<RequestShape, List<RecordedReply>>> byOperation = new HashMap<>();
        Map<String, Map<RequestShape, List<RecordedReply>>> byExactPath = new HashMap<>();
        for (Exchange exchange : exchanges) {
            RecordedRequest request = exchange.request();
            String contentType = Headers.first(request.headers(), "Content-Type").orElse(null);
            byte[] body = request.body().bytes();
            RouteMatch match = router.route(request.method(), request.path());
            if (match instanceof RouteMatch.Found found) {
                RequestShape shape = RequestShape.of(request.rawQuery(), found.pathParams(), contentType, body);
                add(byOperation, found.operation().id(), shape, exchange);
            } else {
                RequestShape shape = RequestShape.of(request.rawQuery(), Map.of(), contentType, body);
                add(byExactPath, RecordedAnswers.exactPathKey(request.method(), request.path()), shape, exchange);
            }
        }
        return new RecordedAnswers(sequences(byOperation), sequences(byExactPath));
    }

    private static void add(Map<String, Map<RequestShape, List<RecordedReply>>> index, String key,
                            RequestShape shape, Exchange exchange) {
        index.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(shape, s -> new ArrayList<>())
                .add(RecordedReply.of(exchange));
    }

    private static Map<String, List<RecordedSequence>> sequences(
            Map<String, Map<RequestShape, List<RecordedReply>>> index) {
        Map<String, List<RecordedSequence>> result = new HashMap<>();
        index.forEach((key, byShape) -> result.put(key, byShape.entrySet().stream()
                .map(e -> new RecordedSequence(e.getKey(), e.getValue())).toList()));
        return result;
    }
}
