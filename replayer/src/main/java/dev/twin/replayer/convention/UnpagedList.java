package dev.twin.replayer.convention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.http.TwinRequest;

import java.util.List;
import java.util.Set;

/** A list with no paging at all (WireMock's {@code {mappings: [...], meta: {total: n}}}): every row, every time. */
public final class UnpagedList implements Pagination {
    private final ListEnvelope envelope;

    public UnpagedList(ListEnvelope envelope) {
        this.envelope = envelope;
    }

    @Override
    public ObjectNode page(List<ObjectNode> newestFirst, TwinRequest request) {
        ObjectNode body = envelope.start(request);
        body.set(envelope.dataField(), ListEnvelope.items(newestFirst));
        envelope.putTotal(body, newestFirst.size());
        return body;
    }

    @Override
    public Set<String> pagingParameters() {
        return Set.of();
    }
}
