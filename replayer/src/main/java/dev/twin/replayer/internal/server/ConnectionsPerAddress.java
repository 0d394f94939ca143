package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.response.ErrorResponses;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the open connections of each client address; one past the limit is answered 503 and closed at once.
 * Shared by every connection of a server.
 */
@ChannelHandler.Sharable
final class ConnectionsPerAddress extends ChannelInboundHandlerAdapter {
    private final int max;
    private final DropLog drops;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int max, DropLog drops) {
        this.max = max;
        this.drops = drops;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress address = address(ctx);
        int count = address == null ? 0 : open.merge(address, 1, Integer::sum);
        if (count > max) {
            String cause = count - 1 + " connections from " + address.getHostAddress()
                    + " are open already; the limit per client address is " + max;
            drops.dropped(ctx.channel(), cause);
            HttpHandler.refuse(ctx, ErrorResponses.error(503, "api_error", "Too many connections: " + cause + ".",
                    null));
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        InetAddress address = address(ctx);
        if (address != null) {
            open.computeIfPresent(address, (a, count) -> count == 1 ? null : count - 1);
        }
        ctx.fireChannelInactive();
    }

    private static InetAddress address(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
