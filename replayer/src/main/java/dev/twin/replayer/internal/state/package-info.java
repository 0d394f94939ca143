/**
 * The state engine under the stateful twin: tables, id minting, tenants, transactions, idempotency, reset,
 * snapshots, persistence, expiry and quotas. It knows nothing of HTTP conventions; the bindings build on
 * {@link dev.twin.replayer.internal.state.StateStore#inTransaction} and {@link dev.twin.replayer.internal.state.TenantTables}.
 *
 * <ul>
 *   <li><b>Tenants.</b> {@link dev.twin.replayer.internal.state.TenantResolver} turns the request's credential into a tenant
 *   key ({@code t_} + 16 hex digits of its SHA-256; the secret itself is never kept). Every tenant sees the seed
 *   rows plus only its own writes: its changes to a seed row are a copy-on-write overlay, and a reset brings the
 *   seeds back.</li>
 *   <li><b>Transactions.</b> Writes are buffered and applied only when the work returns normally; one tenant's
 *   transactions run one at a time (a lock per tenant), different tenants in parallel.</li>
 *   <li><b>Persistence ({@code --state FILE}).</b> Memory stays authoritative; each commit is mirrored to a MapDB
 *   file by one writer thread that group-commits MapDB's write-ahead log, so requests never wait for the disk.
 *   Durability window: a write is acknowledged before it is on disk; it reaches the file when the writer drains
 *   its batch (milliseconds when idle, longer under a sustained burst of writes). A clean shutdown
 *   ({@link dev.twin.replayer.internal.state.StateStore#close}) writes everything; a crash loses at most the writes not
 *   yet drained, and the write-ahead log keeps the file consistent. Snapshots are kept in the file too;
 *   idempotency keys are not (memory only).</li>
 *   <li><b>Expiry ({@code tenancy.expireAfter}).</b> A tenant with no transaction for that long loses its writes:
 *   checked when it next arrives and by a sweep on its own daemon thread (every half expiry period, between 1 s
 *   and 1 min). Reads count as activity. After a restart the idle time counts from the tenant's last write.</li>
 *   <li><b>Quotas.</b> A tenant's table (seed rows included) holds at most {@code tables[].maxRows} rows, and a
 *   tenant at most {@code tenancy.maxRows} rows and {@code tenancy.maxBytes} of row JSON of its own (seed rows are
 *   shared and free): a write beyond is a {@code QUOTA_EXCEEDED} error checked before it is buffered, so it changes
 *   nothing; nothing is ever dropped to make room.</li>
 *   <li><b>Lists.</b> Each tenant's table keeps an {@code OrderIndex} of its listed rows
 *   in creation order, so a page is found in O(log n) ({@link dev.twin.replayer.internal.state.TenantTables#listed}).</li>
 *   <li><b>Shared state ({@code state: redis://}).</b> {@link dev.twin.replayer.internal.state.SharedState} is what several
 *   replicas keep together (module state-redis implements it): each tenant's tables here are a cache, brought up to
 *   date before each transaction ({@code TenantMirror}) and committed with an optimistic version check, so a
 *   commit lands whole, with its events and the idempotency record of its answer, or not at all; rate-limit buckets
 *   and webhook delivery claims are shared too (docs/redis.md).</li>
 * </ul>
 */
package dev.twin.replayer.internal.state;
