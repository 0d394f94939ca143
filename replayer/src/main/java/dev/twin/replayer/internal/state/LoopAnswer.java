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
 * waits on the loop (it cannot start again: the write may land). Held by the thread in {@link #run}; one request's.
 */
public final class LoopAnswer {
    private static final ThreadLocal<LoopAnswer> CURRENT = new ThreadLocal<>();
    private static final CompletableFuture<Boolean> HELD = CompletableFuture.completedFuture(true);

    private final List<CompletableFuture<Boolean>> conditions = new ArrayList<>(2);
    private final List<Runnable> afterwards = new ArrayList<>(1);
    /** What a worker's run again throws at its first transaction (once); null on the loop. */
    private RuntimeException failure;
    private final boolean onLoop;
    private boolean effects;
    private boolean aborted;

    private LoopAnswer(boolean onLoop, RuntimeException failure) {
        this.onLoop = onLoop;
        this.failure = failure;
    }

    /** A request answered on the event loop. */
    public static LoopAnswer onLoop() {
        return new LoopAnswer(true, null);
    }

    /**
     * A worker's run of a request whose commit sent from the loop failed with {@code failure} (the store away, an
     * idempotency key answered meanwhile): its first transaction throws it, so it is answered as a wait would have.
     */
    public static LoopAnswer failing(RuntimeException failure) {
        return new LoopAnswer(false, failure);
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
     * Called before a step waits for the store: throws {@link WouldBlock} on a loop while nothing took effect.
     * After a write was sent from the loop the step waits there (it cannot be run again: the write may land).
     */
    public static void beforeWait() {
        LoopAnswer answer = CURRENT.get();
        if (answer != null) {
            answer.cannotWait();
        }
    }

    void cannotWait() {
        if (onLoop && !effects) {
            aborted = true;
            throw WouldBlock.INSTANCE;
        }
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
