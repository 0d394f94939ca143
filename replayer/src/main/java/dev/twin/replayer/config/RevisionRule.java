package dev.twin.replayer.config;

/**
 * {@code revision:} — rows carry a revision the server changes on every write, and a write to an existing row must
 * name the revision it read (optimistic concurrency, as CouchDB's {@code _rev}): {@code N-<32 hex>}, N counting the
 * row's writes from 1.
 *
 * @param field the row field holding the revision ({@code _rev}); null = rows carry none
 * @param param the query parameter a request may name it in instead of the body ({@code ?rev=}); null = body only
 * @param enforce true (default): a write to an existing row naming no revision or a stale one is refused with
 *              CONFLICT; false: revisions are stamped and advanced, never checked
 */
public record RevisionRule(String field, String param, Boolean enforce) {
    public static final RevisionRule NONE = new RevisionRule(null, null, null);

    public boolean enforced() {
        return enabled() && !Boolean.FALSE.equals(enforce);
    }

    public boolean enabled() {
        return field != null;
    }

    public RevisionRule merge(RevisionRule override) {
        return override == null ? this : new RevisionRule(Merging.value(field, override.field),
                Merging.value(param, override.param), Merging.value(enforce, override.enforce));
    }
}
