package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.ResponseStream;
import dev.twin.replayer.internal.http.TwinResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import java.util.concurrent.TimeUnit;

/**
 * A response that goes on after its body ({@link ResponseStream}): the head is written with chunked transfer
 * encoding, the body as the first chunk, then the stream writes chunks until it or the client closes. The
 * connection serves nothing else afterwards. A client that stops reading is cut off once {@value #MAX_UNREAD}
 * bytes wait for it, so a stalled page never holds the server's memory.
 */
final class StreamedResponse implements ResponseStream.Sink {
    static final int MAX_UNREAD = 4 << 20;

    private final Channel channel;

    private StreamedResponse(Channel channel) {
        this.channel = channel;
    }

    static void start(ChannelHandlerContext ctx, TwinResponse response) {
        Channel channel = ctx.channel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(MAX_UNREAD / 2, MAX_UNREAD));
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()));
        response.headers().forEach(head.headers()::set);
        head.headers().set(HttpHandler.SANDBOX_HEADER, "true")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .remove(HttpHeaderNames.CONTENT_LENGTH);
        ctx.write(head);
        if (response.body().length > 0) {
            ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(response.body())));
        }
        ctx.flush();
        response.delivery().stream().open(new StreamedResponse(channel));
    }

    @Override
    public boolean write(byte[] bytes) {
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            channel.close(); // the client stopped reading: it reconnects when it comes back
            return false;
        }
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)), channel.voidPromise());
        return true;
    }

    @Override
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void onClose(Runnable action) {
        channel.closeFuture().addListener(closed -> action.run());
    }

    @Override
    public void schedule(Runnable action, long delayMillis) {
        channel.eventLoop().schedule(action, delayMillis, TimeUnit.MILLISECONDS);
    }
}
