package dev.twin.recorder;

/**
 * Where a proxy hands finished exchanges. Implementations must return quickly and never block the caller
 * (the caller is a Netty event loop): the recording store queues the write to its own thread.
 */
@FunctionalInterface
public interface ExchangeSink {
    void accept(Exchange exchange);
}
