package dev.twin.cli;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.StoreException;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.verify.ReportJson;
import dev.twin.replayer.internal.verify.ReportText;
import dev.twin.replayer.internal.verify.SessionResult;
import dev.twin.replayer.internal.verify.Verifier;
import dev.twin.replayer.internal.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code twin verify}: the twin's contract test. Starts the twin as {@code serve} would, with fresh state on a free
 * local port, replays every recorded session against it and scores how closely it answers like the recording.
 * Exit 0 when the score reaches {@code --min-score}, 1 below, 2 for bad input. The store is opened read-only.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Replay recorded sessions against the twin and score how faithfully it answers.")
final class VerifyCommand implements Callable<Integer> {
    static final int BELOW_MIN_SCORE = 1;
    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "CONFIG_OR_DIR",
            description = "twin.yaml, or a directory holding one (default: the current directory)")
    Path configOrDir;

    @Option(names = "--store", paramLabel = "FILE", defaultValue = "twin.db",
            description = "the recordings to verify against (default: ${DEFAULT-VALUE}); never modified")
    Path store;

    @Option(names = "--session", paramLabel = "NAME",
            description = "verify against this session only (repeatable; default: every session)")
    List<String> sessions;

    @Option(names = "--host", paramLabel = "HOST",
            description = "only exchanges sent to this host (e.g. api.stripe.com from a forward-proxy recording)")
    String host;

    @Option(names = "--min-score", paramLabel = "SCORE", defaultValue = "0.99",
            description = "lowest passing score, 0..1 (default: ${DEFAULT-VALUE})")
    double minScore;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the report as JSON to this file")
    Path reportFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (minScore < 0 || minScore > 1) {
                throw new UserError("--min-score must be between 0 and 1, not " + minScore);
            }
            VerifyReport report = verify();
            ReportText.write(report, out);
            if (reportFile != null) {
                ReportJson.write(report, reportFile);
            }
            return report.passed() ? 0 : BELOW_MIN_SCORE;
        } catch (ConfigException e) {
            return fail("the twin did not start; its configuration has problems:\n" + e.getMessage());
        } catch (StoreException | UserError e) {
            return fail(e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(e.getCause().getMessage());
        }
    }

    private VerifyReport verify() throws ConfigException {
        List<String> chosen;
        try (RecordingStore recordings = RecordingStore.openReadOnly(store)) {
            chosen = chosenSessions(recordings);
        }
        if (configOrDir == null && !java.nio.file.Files.isRegularFile(Path.of(ConfigLoader.FILE_NAME))) {
            throw new UserError("no twin.yaml here; give -c twin.yaml or a directory holding one");
        }
        Path configFile = ConfigArguments.configFile(configOrDir, null);
        TwinConfig config = ConfigArguments.load(configFile, null);
        warnWhenReplayingTheVerifiedStore(config);
        List<SessionResult> results = new ArrayList<>();
        // the twin starts before the store is opened again: a replay: of this very store reads it while loading
        try (Twin twin = ConfigArguments.twin(configFile, config).userHome().start();
             RecordingStore recordings = RecordingStore.openReadOnly(store)) {
            Verifier verifier = new Verifier(URI.create(twin.baseUrl()));
            for (String session : chosen) {
                try (Stream<Exchange> exchanges = recordings.exchanges(session)) {
                    results.add(verifier.replay(session, exchanges.filter(e -> host == null
                            || e.request().host().equalsIgnoreCase(host))));
                }
            }
        }
        checkSomethingRouted(results);
        return new VerifyReport(results, minScore);
    }

    private void warnWhenReplayingTheVerifiedStore(TwinConfig config) {
        Path replayed = config.replay().store();
        if (replayed != null && replayed.toAbsolutePath().normalize().equals(store.toAbsolutePath().normalize())) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("twin verify: note: the twin replays this store (replay: in its twin.yaml), so recorded"
                    + " answers are compared with themselves for operations no table handles");
            err.flush();
        }
    }

    private List<String> chosenSessions(RecordingStore recordings) {
        List<String> existing = recordings.sessions();
        if (existing.isEmpty()) {
            throw new UserError("store " + store + " holds no recordings");
        }
        if (sessions == null || sessions.isEmpty()) {
            return existing;
        }
        for (String session : sessions) {
            if (!existing.contains(session)) {
                throw new UserError("no session '" + session + "' in " + store + "; its sessions are: "
                        + String.join(", ", existing));
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(sessions));
    }

    /** Recordings of another API would score 0 for reasons that have nothing to do with the twin: say so instead. */
    private void checkSomethingRouted(List<SessionResult> results) {
        long compared = results.stream().mapToLong(r -> r.compared().size()).sum();
        long routed = results.stream().mapToLong(SessionResult::routed).sum();
        String names = String.join(", ", results.stream().map(SessionResult::session).toList());
        if (compared == 0) {
            throw new UserError("nothing to verify: no exchange of " + store + " (sessions: " + names + ")"
                    + (host == null ? "" : " sent to " + host) + " has a recorded response");
        }
        if (routed == 0) {
            TreeSet<String> hosts = new TreeSet<>();
            results.forEach(r -> hosts.addAll(r.hosts()));
            throw new UserError("none of the " + compared + " recorded requests in " + store + " (sessions: " + names
                    + ") belongs to this twin's API: no operation matched any of them. Hosts recorded: "
                    + String.join(", ", hosts));
        }
    }

    private int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("twin verify: " + message);
        err.flush();
        return BAD_INPUT;
    }

    /** A mistake the user can fix, reported as one line. */
    private static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
