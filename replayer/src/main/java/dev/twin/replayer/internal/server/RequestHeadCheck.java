package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.response.ErrorResponses;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Checks each request head as the decoder hands it over: too long a URL is a 414, too many or too large headers a
 * 431, a head the decoder could not read a 400; each answer names the limit, and the connection is closed after
 * it (the rest of such a request is not worth reading). One per connection.
 */
final class RequestHeadCheck extends ChannelInboundHandlerAdapter {
    /** Room for the method and the protocol version around the URL on the request line. */
    static final int REQUEST_LINE_SLACK = 32;

    private final HttpLimits limits;
    private final DropLog drops;
    private boolean refused;

    RequestHeadCheck(HttpLimits limits, DropLog drops) {
        this.limits = limits;
        this.drops = drops;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg); // the rest of a refused request, until the connection is closed
            return;
        }
        Refusal refusal = msg instanceof HttpRequest request ? refusal(request) : null;
        if (refusal == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        refused = true;
        ReferenceCountUtil.release(msg);
        drops.dropped(ctx.channel(), "answered " + refusal.status + ": " + refusal.message);
        HttpHandler.refuse(ctx, ErrorResponses.error(refusal.status, "invalid_request_error", refusal.message, null));
    }

    private Refusal refusal(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return urlTooLong();
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return new Refusal(431, "Request headers larger than the limit of " + limits.maxHeaderBytes()
                        + " bytes in all.");
            }
            return new Refusal(400, "Malformed HTTP request: " + cause.getMessage());
        }
        if (request.uri().length() > limits.maxUrlLength()) {
            return urlTooLong();
        }
        int headers = request.headers().size();
        if (headers > limits.maxHeaderCount()) {
            return new Refusal(431, "Request has " + headers + " header lines; the limit is " + limits.maxHeaderCount()
                    + ".");
        }
        return null;
    }

    private Refusal urlTooLong() {
        return new Refusal(414, "Request URL longer than the limit of " + limits.maxUrlLength() + " characters.");
    }

    private record Refusal(int status, String message) {
    }
}
