package dev.twin.cli.recordings;

import dev.twin.recorder.har.HarException;
import dev.twin.recorder.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What every {@code twin recordings} subcommand shares: the {@code --store} option, output to picocli's writers,
 * and user errors (unreadable or busy store, bad HAR, unwritable file) turned into one line on stderr and exit
 * code {@value #USER_ERROR}.
 */
abstract class StoreCommand implements Callable<Integer> {
    static final int USER_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "FILE", defaultValue = "twin.db",
            description = "the recording store (default: ${DEFAULT-VALUE})")
    Path store;

    @Override
    public final Integer call() {
        try {
            run(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (StoreException | HarException | UserError e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail(e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(e.getCause().getMessage());
        }
    }

    abstract void run(PrintWriter out) throws IOException;

    private int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("twin: " + message);
        err.flush();
        return USER_ERROR;
    }

    /** A mistake the user can fix, reported as one line. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
