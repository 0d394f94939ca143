package dev.twin.corpus;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Python web app in the corpus's test resources, run as {@code python3 app.py <port>} with Debian's interpreter,
 * which sees Debian's python3-* packages (a python3 earlier on the PATH may not).
 *
 * @param resource  the app's file in the test resources, e.g. {@code corpus/fastapi/app.py}
 * @param modules   what it imports, for the check that it can run, e.g. {@code fastapi, uvicorn}
 * @param what      the framework's name, for the reason it cannot run
 * @param install   the command that installs what it needs
 * @param readyPath a path that answers 2xx once it serves
 */
record PythonApp(String resource, String modules, String what, String install, String readyPath) {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Why it cannot run here (naming what to install), or null. */
    String unavailable() {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " not found; install: " + install;
        }
        try {
            Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import " + modules)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return check.waitFor() == 0 ? null : what + " not installed; install: " + install;
        } catch (IOException e) {
            return PYTHON + " did not run (" + e.getMessage() + "); install: " + install;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking for " + what;
        }
    }

    /** Copies the app into the work dir and starts it on a free 127.0.0.1 port, its output in {@code <name>.log}. */
    Upstream start(Path workDir, String name) throws Exception {
        Path app = TestResources.copy(resource, workDir.resolve("app.py"));
        int port = FreePort.pick();
        URI base = URI.create("http://127.0.0.1:" + port);
        ProcessLaunch launch = ProcessLaunch.of(List.of(PYTHON.toString(), app.toString(), String.valueOf(port)),
                workDir, workDir.resolve(name + ".log")).withEnvironment("PYTHONDONTWRITEBYTECODE", "1");
        return ProcessUpstream.of(base, ChildProcess.start(launch,
                ReadyCheck.answers2xx(URI.create(base + readyPath), Map.of())));
    }
}
