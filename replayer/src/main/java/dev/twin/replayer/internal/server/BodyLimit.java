package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.response.ErrorResponses;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Aggregates request bodies up to the limit and answers larger ones with a JSON 413 instead of Netty's bare one.
 * A request without a body (most GETs) skips the aggregation: the decoder sends its end marker right behind it,
 * and the two become one request without the aggregator's buffers.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final int maxBytes;
    private final DropLog drops;
    /** A request announced without a body, waiting for its end marker; null otherwise. */
    private HttpRequest bodyless;

    BodyLimit(int maxBytes, DropLog drops) {
        super(maxBytes);
        this.maxBytes = maxBytes;
        this.drops = drops;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (bodyless != null) {
            HttpRequest request = bodyless;
            bodyless = null;
            if (msg instanceof LastHttpContent end && !end.content().isReadable()
                    && end.trailingHeaders().isEmpty()) {
                end.release();
                ctx.fireChannelRead(new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                        request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE));
                return;
            }
            super.channelRead(ctx, request); // not what the headers said: aggregate as usual
        }
        if (msg instanceof HttpRequest request && !(msg instanceof FullHttpRequest) && withoutBody(request)) {
            bodyless = request;
            return;
        }
        super.channelRead(ctx, msg);
    }

    /** A well-formed request whose headers announce no body at all (and expect no 100 Continue). */
    private static boolean withoutBody(HttpRequest request) {
        var headers = request.headers();
        return request.decoderResult().isSuccess() && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING) && !headers.contains(HttpHeaderNames.EXPECT);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        String message = "Request body larger than the limit of " + maxBytes + " bytes.";
        drops.dropped(ctx.channel(), "answered 413: " + message);
        HttpHandler.refuse(ctx, ErrorResponses.error(413, "invalid_request_error", message, null));
    }
}
