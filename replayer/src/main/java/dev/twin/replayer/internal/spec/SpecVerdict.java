package dev.twin.replayer.internal.spec;

import java.util.List;

/**
 * What the full check of one version of a spec found: every problem, errors first. Kept in the start-up cache by
 * the spec's content checksum, so a spec is checked in full once, not at every start.
 */
public record SpecVerdict(List<SpecProblem> problems) {
    public static final SpecVerdict CLEAN = new SpecVerdict(List.of());

    public SpecVerdict {
        problems = List.copyOf(problems);
    }

    public List<SpecProblem> errors() {
        return problems.stream().filter(SpecProblem::isError).toList();
    }

    public List<SpecProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
