package dev.twin.cli;

import dev.twin.inference.InferenceException;
import dev.twin.inference.diff.DiffReport;
import dev.twin.inference.diff.SessionSpec;
import dev.twin.inference.diff.SpecReader;
import io.swagger.v3.oas.models.OpenAPI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Report the drift between two OpenAPI specs, or between two recorded sessions (each inferred).",
                "Exit code: 0 no breaking change, 1 breaking changes, 2 bad input."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD",
            description = "OpenAPI/Swagger file, or a directory written by twin infer; with --store a session name")
    String oldSide;

    @Parameters(index = "1", paramLabel = "NEW", description = "the same for the new side")
    String newSide;

    @Option(names = "--store", paramLabel = "FILE",
            description = "compare two sessions of this recording store (each inferred as by twin infer)")
    Path store;

    @Option(names = "--host", description = "with --store: only exchanges sent to this host")
    String host;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON to this file")
    Path json;

    @Option(names = "--format", paramLabel = "text|json", description = "what is printed (default: text)")
    String format = "text";

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("twin diff: --format must be text or json, not '" + format + "'");
            return 2;
        }
        if (host != null && store == null) {
            err.println("twin diff: --host only applies to sessions (with --store)");
            return 2;
        }
        DiffReport report;
        try {
            report = store == null
                    ? DiffReport.of(oldSide, SpecReader.read(Path.of(oldSide)), newSide, SpecReader.read(Path.of(newSide)))
                    : DiffReport.of("session " + oldSide, session(oldSide), "session " + newSide, session(newSide));
        } catch (InferenceException e) {
            err.println("twin diff: " + e.getMessage());
            return 2;
        }
        if (json != null) {
            try {
                Files.writeString(json, report.json());
            } catch (IOException e) {
                err.println("twin diff: cannot write " + json + ": " + e.getMessage());
                return 2;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? report.json() : report.text());
        out.flush();
        return report.hasBreaking() ? 1 : 0;
    }

    private OpenAPI session(String name) {
        return SessionSpec.infer(store, name, host);
    }
}
