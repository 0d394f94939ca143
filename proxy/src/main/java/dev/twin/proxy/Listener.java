package dev.twin.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.NettyRuntime;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The listening socket and event loops of a proxy server. */
final class Listener implements AutoCloseable {
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel serverChannel;

    private Listener(EventLoopGroup acceptors, EventLoopGroup workers, Channel serverChannel) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.serverChannel = serverChannel;
    }

    /** @throws BindException with a message naming host and port when the port is taken */
    static Listener bind(String host, int port, String name, ChannelInitializer<Channel> initializer)
            throws IOException {
        EventLoopGroup acceptors = Transport.newGroup(1, name + "-accept");
        // One event loop per core (Netty's default is two): a relay never blocks, and fewer loops on a small machine
        // mean fewer thread wake-ups and more ready connections handled per epoll wait.
        EventLoopGroup workers = Transport.newGroup(NettyRuntime.availableProcessors(), name);
        ChannelFuture bound = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(host, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            acceptors.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            Throwable cause = bound.cause();
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("in use")) {
                throw new BindException("port " + port + " on " + host + " is already in use");
            }
            throw new IOException("cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
        }
        return new Listener(acceptors, workers, bound.channel());
    }

    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
