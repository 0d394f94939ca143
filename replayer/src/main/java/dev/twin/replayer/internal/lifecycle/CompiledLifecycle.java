package dev.twin.replayer.internal.lifecycle;

import dev.twin.replayer.config.Lifecycle;
import dev.twin.replayer.internal.convention.RowShaper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link Lifecycle} ready to run: its transitions by the state they leave, and the shaper of its table. */
record CompiledLifecycle(Lifecycle config, RowShaper shaper, Map<String, List<Lifecycle.Transition>> leaving) {

    static CompiledLifecycle of(Lifecycle config, RowShaper shaper) {
        Map<String, List<Lifecycle.Transition>> leaving = new HashMap<>();
        for (Lifecycle.Transition transition : config.transitions()) {
            for (String from : transition.from()) {
                leaving.computeIfAbsent(from, state -> new ArrayList<>()).add(transition);
            }
        }
        leaving.replaceAll((state, transitions) -> List.copyOf(transitions));
        return new CompiledLifecycle(config, shaper, Map.copyOf(leaving));
    }

    String name() {
        return config.name();
    }

    String table() {
        return config.table();
    }

    String field() {
        return config.field();
    }

    List<Lifecycle.Transition> leaving(String state) {
        return leaving.getOrDefault(state, List.of());
    }

    /** How long after entering {@code state} a row is first looked at again; -1 when nothing leaves it. */
    long firstCheckAfterMillis(String state) {
        long first = -1;
        for (Lifecycle.Transition transition : leaving(state)) {
            long after = transition.after().toMillis();
            first = first < 0 ? after : Math.min(first, after);
        }
        return first;
    }
}
