package dev.twin.replayer.convention;

import dev.twin.replayer.http.TwinRequest;
import dev.twin.replayer.state.StateException;

import java.util.Set;

/** A provider's list style: which page of the rows a request asks for, and the envelope around it. */
public interface Pagination {
    /**
     * @param newestFirst every matching row, newest first; only the rows the answer holds are read
     * @throws StateException for paging parameters the provider would reject
     */
    ListPage page(ListItems newestFirst, TwinRequest request);

    /** Query parameters that steer paging, so that filtering ignores them. */
    Set<String> pagingParameters();
}
