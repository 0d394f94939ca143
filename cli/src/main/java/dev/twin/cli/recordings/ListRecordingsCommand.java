package dev.twin.cli.recordings;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.store.RecordingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the most recent exchanges, oldest first: id, time (UTC), method, URL, outcome, duration.")
public final class ListRecordingsCommand extends StoreCommand {
    @Option(names = "--session", paramLabel = "NAME", description = "only this session")
    String session;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "show at most the last N exchanges (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    void run(PrintWriter out) {
        if (limit < 1) {
            throw new UserError("--limit must be at least 1");
        }
        try (RecordingStore recordings = RecordingStore.openReadOnly(store)) {
            List<Exchange> latest = recordings.latest(session, limit);
            long total = recordings.count(session);
            if (latest.isEmpty()) {
                out.println(session == null ? "no recordings in " + store : "no recordings in session " + session);
                return;
            }
            out.printf("%6s  %-23s  %-7s  %-9s  %10s  %s%n", "ID", "STARTED (UTC)", "METHOD", "OUTCOME",
                    "DURATION", "URL");
            for (Exchange exchange : latest) {
                out.printf("%6d  %-23s  %-7s  %-9s  %10s  %s%n", exchange.id(), Display.time(exchange.startedAt()),
                        exchange.request().method(), Display.outcome(exchange),
                        Display.duration(exchange.durationMicros()), Display.url(exchange.request()));
            }
            if (total > latest.size()) {
                out.printf("(%d older exchanges not shown; use --limit)%n", total - latest.size());
            }
        }
    }
}
