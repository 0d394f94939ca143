package dev.twin.replayer.internal.verify;

import java.util.List;

/**
 * One recorded exchange replayed against the twin.
 *
 * @param exchangeId     the exchange's id in the store ({@code twin recordings show ID})
 * @param operation      the twin operation that answered, or null when the request routed to none
 * @param source         what answered it as the twin's journal names it ({@code table}, {@code recording},
 *                       {@code spec_example}, …), or null when unknown
 * @param facets         how many facets were compared (status, headers that matter, JSON leaves)
 * @param equalFacets    how many of them were equal
 */
public record ExchangeResult(long exchangeId, String method, String path, String operation, int recordedStatus,
                             int twinStatus, int facets, int equalFacets, List<Divergence> divergences,
                             String source) {
    public ExchangeResult {
        divergences = List.copyOf(divergences);
    }

    public ExchangeResult(long exchangeId, String method, String path, String operation, int recordedStatus,
                          int twinStatus, int facets, int equalFacets, List<Divergence> divergences) {
        this(exchangeId, method, path, operation, recordedStatus, twinStatus, facets, equalFacets, divergences, null);
    }

    /** 0 when the status differs or no operation answered, else the fraction of equal facets. */
    public double score() {
        if (operation == null || recordedStatus != twinStatus) {
            return 0.0;
        }
        return facets == 0 ? 1.0 : (double) equalFacets / facets;
    }

    /** {@code #12 POST /v1/customers (stripe.PostCustomers)}. */
    public String title() {
        return "#" + exchangeId + " " + method + " " + path + (operation == null ? "" : " (" + operation + ")");
    }
}
