package dev.twin.corpus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start a program as a child process.
 *
 * @param command     the program and its arguments
 * @param environment variables set on top of this JVM's environment (e.g. {@code RABBITMQ_NODENAME})
 * @param workDir     its working directory
 * @param log         where its standard output and error go
 */
record ProcessLaunch(List<String> command, Map<String, String> environment, Path workDir, Path log) {
    ProcessLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    static ProcessLaunch of(List<String> command, Path workDir, Path log) {
        return new ProcessLaunch(command, Map.of(), workDir, log);
    }

    ProcessLaunch withEnvironment(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(environment);
        more.put(name, value);
        return new ProcessLaunch(command, more, workDir, log);
    }
}
