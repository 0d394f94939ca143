/**
 * A search query language, as Stripe's search API speaks it ({@code email:'jenny@example.com' AND
 * metadata['plan']:'pro'}, {@code -status:'canceled'}, {@code amount>=1000 OR created<1700000000}): the
 * {@link dev.twin.replayer.internal.search.SearchQueryParser} turns a query into a {@link dev.twin.replayer.internal.search.SearchQuery}
 * (clauses joined by AND or by OR), checked against the fields an operation allows, and
 * {@link dev.twin.replayer.internal.search.SearchQuery#matches} decides it on one row as the API shows it. Nothing here
 * knows tables or HTTP; the {@code search} binding action pages the tenant's rows through it.
 */
package dev.twin.replayer.internal.search;
