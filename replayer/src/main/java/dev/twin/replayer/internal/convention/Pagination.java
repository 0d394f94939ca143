package dev.twin.replayer.internal.convention;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.state.StateException;

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
