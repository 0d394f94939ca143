package dev.twin.junit5;

import dev.twin.replayer.ServedRequest;

import java.util.List;

/**
 * The twin's journal of a failed test, added to its failure as a suppressed exception: the requests the test sent,
 * what answered them and with which status. It carries no stack trace of its own.
 */
public final class TwinJournal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TwinJournal(String tenant, List<ServedRequest> requests) {
        super(text(tenant, requests), null, false, false);
    }

    private static String text(String tenant, List<ServedRequest> requests) {
        StringBuilder text = new StringBuilder("the twin's journal of this test (tenant ").append(tenant).append("): ");
        if (requests.isEmpty()) {
            return text.append("no request reached the twin").toString();
        }
        text.append(requests.size()).append(requests.size() == 1 ? " request" : " requests").append(", oldest first");
        for (ServedRequest request : requests) {
            text.append("\n  ").append(request);
        }
        return text.toString();
    }
}
