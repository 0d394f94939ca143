package dev.twin.replayer.internal.verify;

import java.util.ArrayList;
import java.util.List;

/** The facets of one answer compared so far (status, headers, JSON leaves) and the divergences among them. */
final class Facets {
    private int compared;
    private int equal;
    private final List<Divergence> divergences = new ArrayList<>();

    void equal() {
        compared++;
        equal++;
    }

    void diverged(Divergence divergence) {
        compared++;
        divergences.add(divergence);
    }

    int compared() {
        return compared;
    }

    int equalCount() {
        return equal;
    }

    List<Divergence> divergences() {
        return List.copyOf(divergences);
    }
}
