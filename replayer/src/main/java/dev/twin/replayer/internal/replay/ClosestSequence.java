package dev.twin.replayer.internal.replay;

import java.util.List;

/**
 * Picks the recorded sequence whose request is closest to the incoming one ({@link RequestShape#closeness}); an
 * identical request always wins, and among equally close ones the first recorded does.
 */
final class ClosestSequence {
    private ClosestSequence() {
    }

    record Match(RecordedSequence sequence, double closeness) {
    }

    static Match among(List<RecordedSequence> candidates, RequestShape incoming) {
        RecordedSequence best = null;
        double bestCloseness = -1;
        for (RecordedSequence candidate : candidates) {
            double closeness = candidate.shape().closeness(incoming);
            if (closeness > bestCloseness) {
                best = candidate;
                bestCloseness = closeness;
                if (closeness == 1) {
                    break;
                }
            }
        }
        return new Match(best, bestCloseness);
    }
}
