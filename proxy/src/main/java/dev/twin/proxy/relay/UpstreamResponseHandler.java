package dev.twin.proxy.relay;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The upstream side of {@link HttpRelayHandler}: relays each response piece to the client as it arrives, flushing
 * once per read, and reads the next piece only once the previous ones were flushed, so slow clients slow the
 * upstream instead of filling memory.
 */
final class UpstreamResponseHandler extends ChannelInboundHandlerAdapter {
    private final HttpRelayHandler relay;
    private final Channel client;
    private boolean skippingInterim;
    private boolean switchingProtocols;
    private boolean responseEnded;
    private ChannelFuture unflushed;

    UpstreamResponseHandler(HttpRelayHandler relay, Channel client) {
        this.relay = relay;
        this.client = client;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse response) {
            int status = response.status().code();
            if (status >= 100 && status < 200 && status != 101) {
                // twin already answered the client's Expect: 100-continue itself; drop the upstream's interim copy.
                skippingInterim = true;
            } else {
                switchingProtocols = status == 101;
                relay.onResponseHead(response);
            }
        }
        if (skippingInterim) {
            skippingInterim = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            ctx.read();
            return;
        }
        if (switchingProtocols && msg instanceof LastHttpContent) {
            client.write(msg);
            unflushed = null;
            relay.switchToByteRelay(ctx.channel());
            return;
        }
        responseEnded |= msg instanceof LastHttpContent;
        unflushed = client.write(msg);
    }

    /** One flush per read from the upstream (so streamed events go out as they come), then read on once it is out. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ChannelFuture lastWrite = unflushed;
        if (lastWrite != null) {
            boolean ended = responseEnded;
            unflushed = null;
            responseEnded = false;
            client.flush();
            lastWrite.addListener(future -> {
                if (!future.isSuccess()) {
                    ctx.close();
                    return;
                }
                if (ended) {
                    relay.onResponseEnd();
                }
                ctx.read();
            });
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        relay.onUpstreamClosed(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
