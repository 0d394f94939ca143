package dev.twin.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether an interpreter (Debian's, for its python3-* packages) can import the modules a corpus app needs. */
final class PythonModules {
    private PythonModules() {
    }

    /**
     * @param modules what the app imports, comma-separated ({@code fastapi, uvicorn})
     * @return why the app cannot run here (naming what to install), or null
     */
    static String unavailable(Path python, String modules, String what, String install) {
        if (!Files.isExecutable(python)) {
            return python + " not found; install: " + install;
        }
        try {
            Process check = new ProcessBuilder(python.toString(), "-c", "import " + modules)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return check.waitFor() == 0 ? null : what + " not installed; install: " + install;
        } catch (IOException e) {
            return python + " did not run (" + e.getMessage() + "); install: " + install;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking for " + what;
        }
    }
}
