package dev.twin.recorder.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Starts {@link StoreChildProcess} in a separate JVM with the test classpath. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader stdout;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(String mode, Path store) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StoreChildProcess.class.getName(), mode, store.toString()));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new ChildJvm(builder.start());
    }

    /** The next line the child printed, or null when it exited. */
    String readLine() throws IOException {
        return stdout.readLine();
    }

    Process process() {
        return process;
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly().waitFor();
    }

}
