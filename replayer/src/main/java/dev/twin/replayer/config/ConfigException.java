package dev.twin.replayer.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a configuration, reported together; the message has one problem per line. */
public final class ConfigException extends Exception {
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** In file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
