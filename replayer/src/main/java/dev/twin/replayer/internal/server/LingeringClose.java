package dev.twin.replayer.internal.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after its last answer without losing the answer. Closing a socket while the client's bytes
 * are still arriving (the rest of an oversized header, a body past the limit) makes the kernel reset the
 * connection, and the client sees the reset instead of the answer. So the server first shuts its output (the
 * client reads the answer and the end of the stream), keeps reading and dropping what still comes, and closes
 * when the client does, or after {@value #LINGER_SECONDS} s.
 */
final class LingeringClose {
    static final int LINGER_SECONDS = 2;

    /** Add to the future of the last write. */
    static final ChannelFutureListener AFTER_WRITE = written -> {
        Channel channel = written.channel();
        if (!written.isSuccess() || !(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
            channel.close();
            return;
        }
        duplex.shutdownOutput();
        channel.eventLoop().schedule(() -> channel.close(), LINGER_SECONDS, TimeUnit.SECONDS);
    };

    private LingeringClose() {
    }
}
