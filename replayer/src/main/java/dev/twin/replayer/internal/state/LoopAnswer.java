package dev.twin.replayer.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A request on shared state answered on a Netty event loop, without a worker thread (docs/redis.md, *Threads*). Its
 * transactions run there on the tenant's copy and do not wait for the store: a write's commit is sent and a read's
 * confirmation asked, and each adds what the answer waits for ({@link #ready}); the answer leaves once all of them
 * held. A step that would have to wait for the store before anything of the request took effect (a sync, a rate
 * limit, an idempotency key, a tenant's lock held by a thread that waits for the store) throws {@link WouldBlock},
 * and the request runs again on a worker. A condition that does not hold (a commit refused or stale, a copy found
 * behind) runs the request again on a worker too: nothing of it landed. A step that must wait after a write was sent
 * (it cannot start again: the write may land) throws {@link WouldBlock} as well, and the request is <em>continued</em>
 * on a worker once what it sent held ({@link #continuing}): the worker runs it again, and each transaction the loop
 * completed returns what it returned there (its commit landed) instead of running again, so the worker goes on from
 * the step that had to wait. Held by the thread in {@link #run}; one request's.
 */
public final class LoopAnswer {
    private static final ThreadLocal<LoopAnswer> CURRENT = new ThreadLocal<>();
    private static final CompletableFuture<Boolean> HELD = CompletableFuture.completedFuture(true);

    private final List<CompletableFuture<Boolean>> conditions = new ArrayList<>(2);
    private final List<Runnable> afterwards = new ArrayList<>(1);
    /** What to take back should the request run again from the start ({@link #whenRunAgain}). */
    private final List<Runnable> takeBack = new ArrayList<>(1);
    /** The transactions this run completed on the loop, in order (what a continuation returns again). */
    private final List<Done> done = new ArrayList<>(2);
    /** A continuation's transactions still to return as the loop's run did; null unless continuing. */
    private final List<Done> replay;
    private int replayed;
    /** Transactions of this run under way on this thread (one inside another: nested). */
    private int depth;
    /** What a worker's run again throws at its first transaction (once); null on the loop. */
    private RuntimeException failure;
    private final boolean onLoop;
    private boolean effects;
    private boolean aborted;

    private LoopAnswer(boolean onLoop, RuntimeException failure, List<Done> replay) {
        this.onLoop = onLoop;
        this.failure = failure;
        this.replay = replay;
    }

    /** A transaction the loop's run completed: its tenant, and what it returned or threw. */
    record Done(String tenant, Object result, RuntimeException error) {
    }

    /** A request answered on the event loop. */
    public static LoopAnswer onLoop() {
        return new LoopAnswer(true, null, null);
    }

    /**
     * A worker's run of a request whose commit sent from the loop failed with {@code failure} (the store away, an
     * idempotency key answered meanwhile): its first transaction throws it, so it is answered as a wait would have.
     */
    public static LoopAnswer failing(RuntimeException failure) {
        return new LoopAnswer(false, failure, null);
    }

    /**
     * A worker's continuation of this loop's run, which stopped at a step that must wait after its writes were sent
     * ({@link #continues}), once they landed and its reads held: its transactions up to that step return what they
     * returned on the loop, in the same order, and the worker goes on from there.
     */
    public LoopAnswer continuing() {
        return new LoopAnswer(false, null, List.copyOf(done));
    }

    /** The request of this thread, or null. */
    static LoopAnswer current() {
        return CURRENT.get();
    }

    public <T> T run(Supplier<T> work) {
        LoopAnswer outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Called before a step waits for the store: throws {@link WouldBlock} on a loop, where nothing waits. The request
     * runs again on a worker, or, after a write of it was sent, is continued there ({@link #continues}).
     */
    public static void beforeWait() {
        LoopAnswer answer = CURRENT.get();
        if (answer != null) {
            answer.cannotWait();
        }
    }

    void cannotWait() {
        if (onLoop) { // before any write it runs again; after one it is continued
            aborted = true;
            throw WouldBlock.INSTANCE;
        }
    }

    /**
     * Whether this loop's run stopped at a step that must wait after a write of it was sent: it cannot run again
     * from the start, and is continued on a worker ({@link #continuing}) once what it sent held.
     */
    public boolean continues() {
        return aborted && effects;
    }

    /** Whether a transaction of this run is under way on this thread (a new one runs inside it). */
    boolean nested() {
        return depth > 0;
    }

    /** A transaction of this run begins; false when it runs inside another (whose result stands for both). */
    boolean begin() {
        return depth++ == 0;
    }

    /**
     * A transaction of this run ended, having returned {@code result} or thrown {@code error}: noted when it ran on
     * the loop and not inside another, for a continuation to return again.
     */
    void end(boolean outermost, String tenant, Object result, RuntimeException error) {
        depth--;
        if (onLoop && outermost) {
            done.add(new Done(tenant, result, error));
        }
    }

    /**
     * In a continuation, the next transaction the loop's run completed, which returns again what it returned there
     * (or throws what it threw); null once past them (the transaction runs).
     *
     * @throws IllegalStateException when the request took another way on the worker than on the loop
     */
    Done replayNext(String tenant) {
        if (replay == null || replayed >= replay.size()) {
            return null;
        }
        Done next = replay.get(replayed++);
        if (!next.tenant().equals(tenant)) {
            throw new IllegalStateException("a request continued on a worker reached a transaction of tenant "
                    + tenant + " where its run on the event loop had one of " + next.tenant());
        }
        return next;
    }

    /** Whether a step of this run on the loop threw {@link WouldBlock}: what follows must not run there either. */
    boolean abortedOnLoop() {
        return onLoop && aborted;
    }

    /** Whether transactions of this request defer their waits. */
    boolean defers() {
        return onLoop && !aborted;
    }

    /** The failure the first transaction of a worker's run throws (once), or null. */
    RuntimeException takeFailure() {
        RuntimeException taken = failure;
        failure = null;
        return taken;
    }

    /** A read's confirmation: false when it did not hold (the request runs again). */
    void await(CompletableFuture<Boolean> condition) {
        if (condition != HELD && condition != null) {
            conditions.add(condition);
        }
    }

    /** A write's commit on its way: from here on the request cannot be run again from the start. */
    void awaitCommit(CompletableFuture<Boolean> landed) {
        effects = true;
        conditions.add(landed);
    }

    static CompletableFuture<Boolean> held() {
        return HELD;
    }

    /**
     * Runs {@code action} once this thread's request is answered: now, or for a request answered on an event loop
     * once its answer may leave (not at all when it runs again on a worker, which does it then).
     */
    public static void whenAnswered(Runnable action) {
        LoopAnswer answer = CURRENT.get();
        if (answer == null || !answer.defers() || answer.conditions.isEmpty()) {
            action.run();
            return;
        }
        answer.afterwards.add(action);
    }

    /**
     * Runs {@code undo} should this thread's request run again from the start on a worker ({@link #runAgain}), so that
     * what its run on the loop counted is counted once. Nothing on a worker, or in memory.
     */
    public static void whenRunAgain(Runnable undo) {
        LoopAnswer answer = CURRENT.get();
        if (answer != null && answer.onLoop) {
            answer.takeBack.add(undo);
        }
    }

    /** The request runs again from the start (or is continued): takes back what its run noted to take back. */
    public void runAgain() {
        takeBack.forEach(Runnable::run);
        takeBack.clear();
    }

    /** Runs what waited for the answer ({@link #whenAnswered}); the caller saw {@link #ready} complete true. */
    public void answered() {
        afterwards.forEach(Runnable::run);
        afterwards.clear();
    }

    /** Whether a step threw {@link WouldBlock} (also when something caught it): the request runs on a worker. */
    public boolean aborted() {
        return aborted;
    }

    /**
     * Completes true once every condition held, false when one did not (the request runs again on a worker; nothing
     * of it landed), exceptionally with the store's failure.
     */
    public CompletableFuture<Boolean> ready() {
        if (conditions.isEmpty()) {
            return HELD;
        }
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        return CompletableFuture.allOf(conditions.toArray(CompletableFuture[]::new))
                .thenApply(done -> conditions.stream().allMatch(CompletableFuture::join));
    }
}
