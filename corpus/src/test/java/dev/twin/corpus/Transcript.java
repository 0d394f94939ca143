package dev.twin.corpus;

import java.util.List;

/**
 * A flow's run as the client saw it: the steps in order and, at the same index, what the client sent for each.
 *
 * @param failure why the flow stopped early (an exception the flow threw), or null when it ran to its end
 */
public record Transcript(List<Step> steps, List<SentRequest> requests, String failure) {
    public Transcript {
        steps = List.copyOf(steps);
        requests = List.copyOf(requests);
        if (steps.size() != requests.size()) {
            throw new IllegalArgumentException(steps.size() + " steps but " + requests.size() + " requests");
        }
    }

    public Transcript withFailure(String why) {
        return new Transcript(steps, requests, why);
    }
}
