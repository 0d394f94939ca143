package dev.twin.replayer.internal.state;

/**
 * Thrown on a Netty event loop when a request answered there ({@link LoopAnswer}) reaches a step that must wait for
 * the shared store before anything of it took effect: the request is run again on a worker thread, which may wait.
 */
public final class WouldBlock extends RuntimeException {
    static final WouldBlock INSTANCE = new WouldBlock();

    private WouldBlock() {
        super("this step waits for the shared state store: not on an event loop", null, false, false);
    }
}
