package dev.twin.replayer.convention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.http.TwinRequest;
import dev.twin.replayer.state.StateException;

import java.util.List;
import java.util.Set;

/** A provider's list style: which page of the rows a request asks for, and the envelope around it. */
public interface Pagination {
    /**
     * @param newestFirst every matching row, already shaped, newest first
     * @throws StateException for paging parameters the provider would reject
     */
    ListPage page(List<ObjectNode> newestFirst, TwinRequest request);

    /** Query parameters that steer paging, so that filtering ignores them. */
    Set<String> pagingParameters();
}
