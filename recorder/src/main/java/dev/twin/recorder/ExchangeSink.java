package dev.twin.recorder;

/**
 * Where a proxy hands finished exchanges. Implementations must return quickly and never block the caller
 * (the caller is a Netty event loop): the recording store queues the write to its own thread.
 *
 * <p>A sink that can fall behind (the recording store when traffic outpaces the disk) says so through
 * {@link #isBehind()}; the proxy then stops reading new requests until the sink calls back through
 * {@link #whenCaughtUp}. Nothing is dropped: traffic slows to what the sink can take.
 */
@FunctionalInterface
public interface ExchangeSink {
    void accept(Exchange exchange);

    /**
     * Hands over the exchange and runs {@code whenStored} once it is durable: a process killed after that (even with
     * kill -9) still has it. A proxy holds back the end of the response to its client until then, so an answered
     * exchange is never lost. Returns at once; {@code whenStored} runs exactly once, possibly on the sink's own
     * thread (so it must only hand work off), also when the exchange could not be stored (the sink reports why).
     * By default the sink is taken to store synchronously.
     */
    default void accept(Exchange exchange, Runnable whenStored) {
        accept(exchange);
        whenStored.run();
    }

    /** True while more exchanges wait to be written than the sink wants; callers should stop producing more. */
    default boolean isBehind() {
        return false;
    }

    /**
     * Runs {@code resume} exactly once, as soon as the sink is no longer behind (at once when it is not behind now).
     * It may run on the sink's own thread, so it must only hand work off (e.g. to an event loop), never block.
     */
    default void whenCaughtUp(Runnable resume) {
        resume.run();
    }
}
