package dev.twin.cli.recordings;

import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.SessionSummary;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List the recording sessions with their exchange counts and time spans (UTC).")
public final class ListSessionsCommand extends StoreCommand {
    @Override
    void run(PrintWriter out) {
        try (RecordingStore recordings = RecordingStore.openReadOnly(store)) {
            List<SessionSummary> sessions = recordings.sessionSummaries();
            if (sessions.isEmpty()) {
                out.println("no recordings in " + store);
                return;
            }
            int width = Math.max(7, sessions.stream().mapToInt(s -> s.name().length()).max().orElse(0));
            out.printf("%-" + width + "s  %9s  %-23s  %-23s%n", "SESSION", "EXCHANGES", "FIRST", "LAST");
            for (SessionSummary session : sessions) {
                out.printf("%-" + width + "s  %9d  %-23s  %-23s%n", session.name(), session.count(),
                        Display.time(session.firstStartedAt()), Display.time(session.lastStartedAt()));
            }
        }
    }
}
