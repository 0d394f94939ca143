package dev.twin.cli.recordings;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.har.HarExporter;
import dev.twin.recorder.store.RecordingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Stream;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write recorded exchanges to a HAR 1.2 file (opens in browser DevTools).")
public final class ExportRecordingsCommand extends StoreCommand {
    @Option(names = "--har", paramLabel = "FILE", required = true, description = "the HAR file to write")
    Path har;

    @Option(names = "--session", paramLabel = "NAME", description = "only this session (default: everything)")
    String session;

    @Override
    void run(PrintWriter out) throws IOException {
        try (RecordingStore recordings = RecordingStore.openReadOnly(store);
             Stream<Exchange> exchanges = recordings.exchanges(session)) {
            long count;
            try {
                count = HarExporter.export(exchanges.iterator(), har);
            } catch (IOException e) {
                throw new UserError("cannot write " + har + ": " + e.getMessage());
            }
            out.println("exported " + count + (count == 1 ? " exchange" : " exchanges") + " to " + har);
        }
    }
}
