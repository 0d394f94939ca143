package dev.twin.replayer.server;

import dev.twin.replayer.response.ErrorResponses;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/** Aggregates request bodies up to the limit and answers larger ones with a JSON 413 instead of Netty's bare one. */
final class BodyLimit extends HttpObjectAggregator {
    private final int maxBytes;

    BodyLimit(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpHandler.write(ctx, ErrorResponses.error(413, "invalid_request_error",
                "Request body larger than the limit of " + maxBytes + " bytes.", null), false, false);
    }
}
