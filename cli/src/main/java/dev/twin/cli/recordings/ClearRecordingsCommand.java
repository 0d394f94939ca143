package dev.twin.cli.recordings;

import dev.twin.recorder.store.RecordingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;

@Command(name = "clear", mixinStandardHelpOptions = true,
        description = "Delete recorded exchanges: one session, or all of them.")
public final class ClearRecordingsCommand extends StoreCommand {
    @Option(names = "--session", paramLabel = "NAME", description = "only this session (default: everything)")
    String session;

    @Override
    void run(PrintWriter out) {
        if (!Files.isRegularFile(store)) {
            throw new UserError("store " + store + " does not exist");
        }
        try (RecordingStore recordings = RecordingStore.open(store)) {
            long count = recordings.count(session);
            recordings.clear(session);
            out.println("cleared " + count + (count == 1 ? " exchange" : " exchanges")
                    + (session == null ? "" : " of session " + session) + " from " + store);
        }
    }
}
