package dev.twin.replayer.internal.state;

import java.util.Objects;

/**
 * What the shared store answers a commit ({@link SharedState#commit}): the version the write moved the tenant to, or,
 * when another replica committed first, nothing applied and what this replica missed since the version it held (so
 * that it catches up and runs its transaction again without a sync of its own); or, for a commit sent after another
 * whose reply had not come yet ({@link SharedState#send}), stale: that commit did not land, so neither did this one.
 *
 * @param applied the tenant's version after the write; null when refused
 * @param missed  what was committed since the version the write was based on; null when applied or stale
 */
public record CommitOutcome(TenantVersion applied, TenantSync missed) {
    private static final CommitOutcome STALE = new CommitOutcome(null, null);

    public CommitOutcome {
        if (applied != null && missed != null) {
            throw new IllegalArgumentException("a commit is either applied or refused");
        }
    }

    /** Refused because the commit it followed did not land: nothing applied, nothing to catch up with from it. */
    public static CommitOutcome stale() {
        return STALE;
    }

    public static CommitOutcome applied(TenantVersion at) {
        return new CommitOutcome(Objects.requireNonNull(at, "at"), null);
    }

    public static CommitOutcome refused(TenantSync missed) {
        return new CommitOutcome(null, Objects.requireNonNull(missed, "missed"));
    }

    public boolean isApplied() {
        return applied != null;
    }
}
