package dev.twin.cli.recordings;

import dev.twin.recorder.har.HarImporter;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Add the entries of a HAR file (from a browser, mitmproxy or twin) as recordings, "
                + "redacting secrets like twin record does. All or nothing: a bad HAR adds nothing.")
public final class ImportRecordingsCommand extends StoreCommand {
    @Option(names = "--har", paramLabel = "FILE", required = true, description = "the HAR file to read")
    Path har;

    @Option(names = "--session", paramLabel = "NAME",
            description = "session for every entry (default: the session a twin export names, else the file name)")
    String session;

    @Option(names = "--redact", paramLabel = "NAME",
            description = "also redact this header, query, form or JSON field (repeatable, * allowed)")
    List<String> redact = List.of();

    @Option(names = "--no-redact", description = "store secrets as they are in the HAR (not recommended)")
    boolean noRedact;

    @Override
    void run(PrintWriter out) {
        if (!Files.isRegularFile(har)) {
            throw new UserError("HAR file " + har + " does not exist");
        }
        Redactor redactor = noRedact ? Redactor.none() : Redactor.withExtraNames(redact);
        if (noRedact) {
            spec.commandLine().getErr().println("twin: WARNING --no-redact: secrets in " + har
                    + " are stored in " + store + " as they are");
        }
        try (RecordingStore recordings = RecordingStore.open(store)) {
            long count;
            try {
                count = HarImporter.read(har, session, e -> recordings.append(redactor.redact(e)));
                recordings.commit();
            } catch (RuntimeException e) {
                recordings.rollback();
                throw e;
            }
            out.println("imported " + count + (count == 1 ? " exchange" : " exchanges") + " from " + har
                    + " into " + store);
        }
    }
}
