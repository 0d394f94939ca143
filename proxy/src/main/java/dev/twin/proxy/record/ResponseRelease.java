package dev.twin.proxy.record;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;

/**
 * The writes and the close of one client connection, passed on in order, except that a write behind a closed
 * {@link Gate} waits, and everything after it too, until the gate opens. {@link RecordingHandler} puts the write that
 * ends a response (for a response without a body, its head) behind a gate that opens once the exchange is stored: a
 * client never holds an answer that a crash could still take out of the recording. Everything before that write
 * streams as usual. Used on the connection's event loop only.
 */
final class ResponseRelease {
    /** Opens once; writes behind it wait until then. */
    static final class Gate {
        private boolean open;
    }

    private record Pending(Object message, ChannelPromise promise, Gate gate) {
    }

    /** Marks a close the relay asked for while writes were waiting. */
    private static final Object CLOSE = new Object();

    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

    /** Writes at once when nothing waits and the gate (null for none) is open, else queues. */
    void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise, Gate gate) {
        if (waiting.isEmpty() && (gate == null || gate.open)) {
            ctx.write(message, promise);
            return;
        }
        waiting.add(new Pending(message, promise, gate));
    }

    void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (waiting.isEmpty()) {
            ctx.close(promise);
            return;
        }
        waiting.add(new Pending(CLOSE, promise, null));
    }

    /** Opens the gate and passes on (and flushes) what waited behind it, up to the next closed gate. */
    void open(ChannelHandlerContext ctx, Gate gate) {
        gate.open = true;
        boolean wrote = false;
        for (Pending next; (next = waiting.peekFirst()) != null && (next.gate() == null || next.gate().open); ) {
            waiting.pollFirst();
            if (next.message() == CLOSE) {
                ctx.flush();
                ctx.close(next.promise());
            } else {
                ctx.write(next.message(), next.promise());
                wrote = true;
            }
        }
        if (wrote) {
            ctx.flush();
        }
    }

    /** The connection is gone: what still waits is released and its writers told. */
    void discard() {
        for (Pending pending; (pending = waiting.pollFirst()) != null; ) {
            if (pending.message() != CLOSE) {
                ReferenceCountUtil.release(pending.message());
            }
            pending.promise().tryFailure(new ClosedChannelException());
        }
    }
}
