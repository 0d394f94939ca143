package dev.twin.replayer.internal.state;

/**
 * Looks at a transaction's writes before they are committed and may refuse them all (a {@link StateException}
 * with the client's error): rules about stored rows that hold however a row was written, by any binding or custom
 * operation. Called on the committing thread with the tenant locked: it must be quick and only read
 * {@link TenantTables#written}.
 */
@FunctionalInterface
public interface CommitCheck {
    CommitCheck NONE = tables -> { };

    /** @throws StateException to refuse the transaction (none of its writes is kept) */
    void check(TenantTables tables);
}
