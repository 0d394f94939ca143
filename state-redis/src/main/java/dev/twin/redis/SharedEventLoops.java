package dev.twin.redis;

import io.lettuce.core.resource.DefaultEventLoopGroupProvider;
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;

import java.util.concurrent.TimeUnit;

/**
 * Lettuce's event loops, given: the server's, which Lettuce uses for its connection's I/O when they are of the kind it
 * asks for (epoll or NIO: both follow whether Netty's epoll is available), and never shuts down (the twin does, after
 * the server and the store closed). A kind it does not match gets loops of Lettuce's own, as without this.
 */
final class SharedEventLoops implements EventLoopGroupProvider {
    private final EventLoopGroup loops;
    private final DefaultEventLoopGroupProvider own;

    SharedEventLoops(EventLoopGroup loops, int ownThreads) {
        this.loops = loops;
        this.own = new DefaultEventLoopGroupProvider(ownThreads);
    }

    @Override
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
        return type.isInstance(loops) ? type.cast(loops) : own.allocate(type);
    }

    @Override
    public int threadPoolSize() {
        return own.threadPoolSize();
    }

    @Override
    public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
        if (group == loops) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
        }
        return own.release(group, quietPeriod, timeout, unit);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
        return own.shutdown(quietPeriod, timeout, unit);
    }
}
