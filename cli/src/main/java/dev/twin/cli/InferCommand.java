package dev.twin.cli;

import dev.twin.inference.Inference;
import dev.twin.inference.InferenceException;
import dev.twin.inference.InferenceOptions;
import dev.twin.inference.InferredTwin;
import dev.twin.inference.Progress;
import dev.twin.inference.diff.DiffReport;
import dev.twin.inference.diff.SpecReader;
import dev.twin.inference.output.TwinFiles;
import dev.twin.inference.source.ExchangeSource;
import dev.twin.inference.source.HarSource;
import dev.twin.inference.source.StoreSource;
import io.swagger.v3.oas.models.OpenAPI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Derive openapi.yaml, twin.yaml, seed data and a report from recorded traffic.")
final class InferCommand implements Callable<Integer> {

    @Option(names = "--store", paramLabel = "FILE", description = "recording store (default: twin.db)")
    Path store;

    @Option(names = "--har", paramLabel = "FILE", description = "read a HAR file instead of a store")
    Path har;

    @Option(names = "--session", paramLabel = "NAME", description = "only these sessions (repeatable)")
    List<String> sessions;

    @Option(names = "--host", description = "only exchanges with this host")
    String host;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "the provider's official OpenAPI document: matched first, only the rest is inferred")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: twin-out)")
    Path out = Path.of("twin-out");

    @Option(names = "--seed", paramLabel = "initial|final",
            description = "seed the state before the recording (default) or at its end")
    String seed = "initial";

    @Option(names = "--compare", paramLabel = "OLD",
            description = "then print the drift from this spec (file or twin infer directory) to the inferred one, "
                    + "as twin diff does; the exit code stays 0")
    Path compare;

    @Override
    public Integer call() {
        if (store != null && har != null) {
            System.err.println("twin infer: --store and --har exclude each other");
            return 2;
        }
        InferenceOptions.SeedMode seedMode;
        try {
            seedMode = InferenceOptions.SeedMode.valueOf(seed.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("twin infer: --seed must be initial or final, not '" + seed + "'");
            return 2;
        }
        if (spec != null && !Files.isRegularFile(spec)) {
            System.err.println("twin infer: --spec " + spec + ": no such file");
            return 2;
        }
        try {
            OpenAPI previous = compare == null ? null : SpecReader.read(compare);
            TwinFiles files;
            if (har != null) {
                files = infer(HarSource.open(har, sessions), seedMode);
            } else {
                try (StoreSource source = StoreSource.open(store == null ? Path.of("twin.db") : store, sessions)) {
                    files = infer(source, seedMode);
                }
            }
            files.writeTo(out);
            System.out.println("wrote " + String.join(", ", files.files().keySet()) + " to " + out
                    + "\nserve it with: twin serve " + out);
            if (previous != null) {
                String fresh = out.resolve("openapi.yaml").toString();
                System.out.print("\n" + DiffReport.of(compare.toString(), previous, fresh,
                        SpecReader.parse(files.text("openapi.yaml"), fresh)).text());
            }
            return 0;
        } catch (InferenceException e) {
            System.err.println("twin infer: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("twin infer: cannot write to " + out + ": " + e.getMessage());
            return 2;
        }
    }

    private TwinFiles infer(ExchangeSource source, InferenceOptions.SeedMode seedMode) {
        Progress progress = System.console() != null ? new TerminalProgress() : Progress.NONE;
        InferredTwin twin = Inference.run(source, new InferenceOptions(host, spec, seedMode), progress);
        return TwinFiles.of(twin);
    }

    /**
     * A one-line progress display redrawn with '\r' on stderr, only on a terminal. A plain line instead of a
     * progress-bar library: inference reports a few phases and a count, nothing a dependency would add to.
     */
    static final class TerminalProgress implements Progress {
        private String phase = "";
        private long total;
        private long done;
        private long lastDrawn = -1;

        @Override
        public void phase(String name, long expected) {
            phase = name;
            total = expected;
            done = 0;
            lastDrawn = -1;
            draw();
        }

        @Override
        public void step() {
            done++;
            long unit = total > 0 ? Math.max(1, total / 100) : 1000;
            if (done / unit != lastDrawn) {
                lastDrawn = done / unit;
                draw();
            }
        }

        @Override
        public void done() {
            System.err.print("\r\033[K");
            System.err.flush();
        }

        private void draw() {
            String text = total > 0 ? String.format("%s %3d%% (%d/%d)", phase, done * 100 / total, done, total)
                    : phase + " " + done;
            System.err.print("\r\033[K" + text);
            System.err.flush();
        }
    }
}
