package dev.twin.redis;

import dev.twin.replayer.internal.state.AlreadyAnswered;
import dev.twin.replayer.internal.state.CommitOutcome;
import dev.twin.replayer.internal.state.IdempotencyRecord;
import dev.twin.replayer.internal.state.SharedBuckets;
import dev.twin.replayer.internal.state.SharedCursors;
import dev.twin.replayer.internal.state.SharedDeliveries;
import dev.twin.replayer.internal.state.SharedEvent;
import dev.twin.replayer.internal.state.SharedIdempotency;
import dev.twin.replayer.internal.state.SharedState;
import dev.twin.replayer.internal.state.SharedStateProvider;
import dev.twin.replayer.internal.state.SentCommit;
import dev.twin.replayer.internal.state.SharedWrite;
import dev.twin.replayer.internal.state.StateHealth;
import dev.twin.replayer.internal.state.StoredRow;
import dev.twin.replayer.internal.state.TenantSync;
import dev.twin.replayer.internal.state.TenantVersion;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A twin's shared state in Redis, in key layout 2 (docs/redis.md). Each tenant's rows, bookkeeping, change index
 * and events live under the current epoch ({@code PREFIX:e:EPOCH:t:TENANT:...}); a sync and a commit are one Lua
 * script each, so a commit's rows, events, webhook deliveries and idempotency record land together or not at all,
 * and only on the version its transaction read (else it returns what the replica missed). A read's check of a
 * tenant's version is a script that moves no rows. A reset or a restore switches to a new epoch in one command and deletes the old
 * epoch's keys afterwards.
 */
final class RedisState implements SharedState {
    private static final RedisScript SYNC = RedisScript.load("sync", "changes");
    private static final RedisScript CHECK = RedisScript.load("check", "changes");
    private static final RedisScript COMMIT = RedisCommits.COMMIT;
    private static final RedisScript RESET = RedisScript.load("reset");
    private static final RedisScript RESET_TENANT = RedisScript.load("reset-tenant");
    private static final RedisScript RESET_TABLE = RedisScript.load("reset-table");
    private static final RedisScript SNAPSHOT_SAVE = RedisScript.load("snapshot-save");
    private static final RedisScript SNAPSHOT_RESTORE = RedisScript.load("snapshot-restore");
    private static final RedisScript TENANTS = RedisScript.load("tenants");
    private static final System.Logger LOG = System.getLogger(RedisState.class.getName());

    private final RedisConnection redis;
    private final String prefix;
    private final long ttlMillis;
    private final int eventsKept;
    private final RedisIdempotency idempotency;
    private final RedisBuckets buckets;
    private final RedisDeliveries deliveries;
    private final RedisCursors cursors;
    private final RedisCommits commits;

    RedisState(RedisConnection redis, SharedStateProvider.Options options) {
        this.redis = redis;
        this.prefix = redis.location().prefix();
        this.ttlMillis = options.expireAfter() == null || options.expireAfter().isNegative()
                ? 0 : options.expireAfter().toMillis();
        this.eventsKept = Math.max(1, options.eventsKept());
        this.idempotency = new RedisIdempotency(redis);
        this.buckets = new RedisBuckets(redis);
        this.deliveries = new RedisDeliveries(redis);
        this.cursors = new RedisCursors(redis);
        this.commits = new RedisCommits(redis, prefix);
    }

    @Override
    public TenantSync sync(String tenant, TenantVersion known) {
        return changes(script(SYNC, tenant, known == null ? "-" : known.epoch(),
                Long.toString(known == null ? -1 : known.version()), Long.toString(ttlMillis)), 0);
    }

    @Override
    public boolean isCurrent(String tenant, TenantVersion known) {
        return known != null && "same".equals(script(CHECK, tenant, known.epoch(), Long.toString(known.version()),
                Long.toString(ttlMillis)).get(0));
    }

    @Override
    public CompletionStage<Boolean> sendCheck(String tenant, TenantVersion known) {
        // 'lost' (Redis lost twin's keys) is not current: the request runs again on a worker, which starts anew
        return redis.<List<Object>>send(CHECK, ScriptOutputType.MULTI, prefix, tenant, known.epoch(),
                Long.toString(known.version()), Long.toString(ttlMillis)).thenApply(reply -> "same".equals(reply.get(0)));
    }

    /** What a sync (or a refused commit, from {@code from}) returned: changes.lua's reply. */
    private static TenantSync changes(List<Object> reply, int from) {
        String kind = (String) reply.get(from);
        TenantVersion at = new TenantVersion((String) reply.get(from + 1), (Long) reply.get(from + 2));
        if (kind.equals("same")) {
            return TenantSync.unchanged(at);
        }
        Map<String, String> meta = new HashMap<>();
        List<?> metaReply = (List<?>) reply.get(from + 3);
        for (int i = 0; i + 1 < metaReply.size(); i += 2) {
            String name = (String) metaReply.get(i);
            if (!name.equals("v") && !name.equals("e") && !name.equals("c")) {
                meta.put(name, (String) metaReply.get(i + 1));
            }
        }
        List<?> rowsReply = (List<?>) reply.get(from + 4);
        List<StoredRow> rows = new ArrayList<>(rowsReply.size() / 2);
        for (int i = 0; i + 1 < rowsReply.size(); i += 2) {
            rows.add(new StoredRow((String) rowsReply.get(i), (String) rowsReply.get(i + 1)));
        }
        List<SharedEvent> events = new ArrayList<>();
        for (Object event : (List<?>) reply.get(from + 5)) {
            events.add(SharedEvent.decode((String) event));
        }
        return new TenantSync(at, kind.equals("whole"), meta, rows, events);
    }

    @Override
    public CommitOutcome commit(String tenant, TenantVersion known, SharedWrite write) {
        return outcome(script(COMMIT, tenant, commitArgs(known, RedisLayout.commitToken(), null, write)), write);
    }

    @Override
    public SentCommit send(String tenant, TenantVersion known, String follows, SharedWrite write) {
        String token = RedisLayout.commitToken();
        String[] args = commitArgs(known, token, follows, write);
        String[] all = new String[args.length + 1];
        all[0] = tenant;
        System.arraycopy(args, 0, all, 1, args.length);
        CompletionStage<CommitOutcome> outcome = commits.send(all)
                .thenCompose(reply -> !"lost".equals(reply.get(0)) ? CompletableFuture.completedStage(reply)
                        : startEpoch().thenApply(started -> List.<Object>of("stale")))
                .thenApply(reply -> outcome(reply, write));
        // the version a commit.lua that applies it moves the tenant to: the tenant epoch is this token when it had none
        String epoch = known.epoch().endsWith("/") ? known.epoch() + token : known.epoch();
        return new SentCommit(token, new TenantVersion(epoch, known.version() + 1), outcome);
    }

    /** Redis lost twin's keys (a restart without persistence): a new epoch, without waiting (see {@link #script}). */
    private CompletionStage<String> startEpoch() {
        LOG.log(System.Logger.Level.WARNING, "the state store " + redis.location() + " lost twin's keys"
                + " (a Redis restart without persistence?): the twin starts from its seed rows");
        return redis.sendSetIfAbsent(prefix + ":layout", RedisLayout.VERSION)
                .thenCompose(set -> redis.sendSetIfAbsent(prefix + ":epoch", RedisLayout.newToken()));
    }

    /** commit.lua's arguments after the prefix and the tenant. */
    private String[] commitArgs(TenantVersion known, String token, String follows, SharedWrite write) {
        List<String> args = new ArrayList<>();
        args.add(known == null ? "-" : known.epoch());
        args.add(Long.toString(known == null ? -1 : known.version()));
        args.add(Long.toString(ttlMillis));
        args.add(Integer.toString(eventsKept));
        args.add("0"); // a new delivery is due at once, whatever the replicas' clocks say
        args.add(token);
        IdempotencyRecord record = write.idempotency();
        args.add(record == null ? "" : "=" + record.key());
        args.add(record == null ? "" : record.value());
        args.add(record == null ? "0" : Long.toString(record.windowMillis()));
        args.add(follows == null ? "" : follows);
        args.add(Integer.toString(write.meta().size()));
        write.meta().forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        args.add(Integer.toString(write.rows().size()));
        for (StoredRow row : write.rows()) {
            args.add(row.key());
            args.add(row.value() == null ? "" : row.value());
        }
        args.add(Integer.toString(write.events().size()));
        write.events().forEach(event -> args.add(event.encoded()));
        List<String> queued = new ArrayList<>();
        for (SharedEvent event : write.events()) {
            for (String url : event.webhooks()) {
                queued.add(UUID.randomUUID().toString());
                queued.add(event.id());
                queued.add(event.type());
                queued.add(url);
                queued.add(event.payload());
            }
        }
        args.add(Integer.toString(queued.size() / 5));
        args.addAll(queued);
        return args.toArray(String[]::new);
    }

    /** commit.lua's reply. */
    private static CommitOutcome outcome(List<Object> reply, SharedWrite write) {
        String kind = (String) reply.get(0);
        if (kind.equals("conflict")) {
            return CommitOutcome.refused(changes(reply, 1));
        }
        if (kind.equals("stale")) {
            return CommitOutcome.stale();
        }
        if (kind.equals("answered")) {
            throw new AlreadyAnswered(write.idempotency().key());
        }
        return CommitOutcome.applied(new TenantVersion((String) reply.get(1), (Long) reply.get(2)));
    }

    /** Runs a tenant's script; when Redis lost the twin's keys (a restart without persistence) it starts anew once. */
    private List<Object> script(RedisScript script, String tenant, String... rest) {
        String[] args = new String[rest.length + 2];
        args[0] = prefix;
        args[1] = tenant;
        System.arraycopy(rest, 0, args, 2, rest.length);
        List<Object> reply = redis.run(script, ScriptOutputType.MULTI, args);
        if ("lost".equals(reply.get(0))) {
            LOG.log(System.Logger.Level.WARNING, "the state store " + redis.location() + " lost twin's keys"
                    + " (a Redis restart without persistence?): the twin starts from its seed rows");
            RedisLayout.startEpoch(redis);
            reply = redis.run(script, ScriptOutputType.MULTI, args);
        }
        return reply;
    }

    @Override
    public void reset() {
        String old = redis.run(RESET, ScriptOutputType.VALUE, prefix, RedisLayout.newToken());
        forgetEpoch(old);
    }

    @Override
    public TenantVersion resetTenant(String tenant) {
        Object epoch = redis.run(RESET_TENANT, ScriptOutputType.VALUE, prefix, tenant);
        // an empty tenant: no tenant epoch yet (its next commit starts one), version 0, as changes.lua counts them
        return epoch instanceof String twinEpoch && !twinEpoch.isEmpty() ? new TenantVersion(twinEpoch + "/", 0)
                : null;
    }

    @Override
    public void resetTable(String tenantOrNull, String table) {
        redis.run(RESET_TABLE, ScriptOutputType.INTEGER, prefix, table, tenantOrNull == null ? "" : tenantOrNull,
                RedisLayout.newToken());
    }

    @Override
    public void saveSnapshot(String name) {
        redis.run(SNAPSHOT_SAVE, ScriptOutputType.INTEGER, prefix, name);
    }

    @Override
    public boolean restoreSnapshot(String name) {
        Object old = redis.run(SNAPSHOT_RESTORE, ScriptOutputType.VALUE, prefix, name, RedisLayout.newToken(),
                RedisLayout.newToken());
        if (old == null || "0".equals(old)) {
            return false;
        }
        forgetEpoch((String) old);
        return true;
    }

    @Override
    public List<String> snapshots() {
        return redis.call(commands -> commands.smembers(prefix + ":snaps")).stream().sorted().toList();
    }

    @Override
    public List<String> tenants() {
        List<Object> live = redis.run(TENANTS, ScriptOutputType.MULTI, prefix);
        return live.stream().map(String.class::cast).sorted().toList();
    }

    /** Deletes an old epoch's keys, in batches, without blocking Redis (UNLINK frees memory in the background). */
    private void forgetEpoch(String epoch) {
        if (epoch == null || epoch.isEmpty()) {
            return;
        }
        deleteMatching(redis, prefix + ":e:" + epoch + ":*");
    }

    /** Deletes the keys matching a pattern, in batches of a SCAN page. */
    static void deleteMatching(RedisConnection redis, String pattern) {
        redis.call(commands -> {
            ScanIterator<String> keys = ScanIterator.scan(commands, ScanArgs.Builder.matches(pattern).limit(500));
            List<String> batch = new ArrayList<>();
            while (keys.hasNext()) {
                batch.add(keys.next());
                if (batch.size() == 500) {
                    commands.unlink(batch.toArray(String[]::new));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                commands.unlink(batch.toArray(String[]::new));
            }
            return null;
        });
    }

    @Override
    public SharedIdempotency idempotency() {
        return idempotency;
    }

    @Override
    public SharedBuckets rateLimits() {
        return buckets;
    }

    @Override
    public SharedDeliveries deliveries() {
        return deliveries;
    }

    @Override
    public SharedCursors replayCursors() {
        return cursors;
    }

    @Override
    public StateHealth health() {
        return redis.health();
    }

    /** Lettuce's I/O thread of the one connection: it encodes every call, reads every reply, completes its futures. */
    @Override
    public int busyThreads() {
        return 1;
    }

    @Override
    public void close() {
        redis.close();
    }
}
