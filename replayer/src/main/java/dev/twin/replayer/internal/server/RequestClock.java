package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.response.ErrorResponses;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's clock. A request's head (request line and headers) must arrive within the header timeout of
 * its first byte, and its body within the body timeout of its head, else the connection is answered 408 and
 * closed (a slowloris client trickles a head or a body forever). Between requests, with every answer written,
 * Netty's {@code IdleStateHandler} ahead of this closes a connection that sent nothing for the idle timeout; while
 * an answer is still coming (a latency fault) the connection stays. Sits on both sides of the HTTP decoder:
 * {@link #beforeDecoder()} sees bytes, {@link #afterDecoder()} sees requests. All state is touched on the
 * connection's event loop only.
 */
final class RequestClock {
    private static final AttributeKey<RequestClock> KEY = AttributeKey.valueOf(RequestClock.class, "clock");

    private final ConnectionLimits limits;
    private final DropLog drops;
    /** The first bytes of a request came; its head is not complete yet. */
    private boolean readingHead;
    /** The head came; the end of the body has not. */
    private boolean readingBody;
    /** Requests whose head came and whose answer was not written yet. */
    private int unanswered;
    private ScheduledFuture<?> headDeadline;
    private ScheduledFuture<?> bodyDeadline;
    /** The last answer is written and the connection closing: no more timers, nothing more to log. */
    private boolean closing;

    RequestClock(Channel channel, ConnectionLimits limits, DropLog drops) {
        this.limits = limits;
        this.drops = drops;
        channel.attr(KEY).set(this);
    }

    /** The server wrote an answer on {@code channel}. */
    static void answered(Channel channel) {
        RequestClock clock = channel.attr(KEY).get();
        if (clock != null && clock.unanswered > 0) {
            clock.unanswered--;
        }
    }

    /** The server wrote its last answer on {@code channel} and is closing it. */
    static void closing(Channel channel) {
        RequestClock clock = channel.attr(KEY).get();
        if (clock != null) {
            clock.closing = true;
            clock.cancelDeadlines();
        }
    }

    ChannelInboundHandler beforeDecoder() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (closing) {
                    ReferenceCountUtil.release(msg); // the last answer is written: nothing more is read as a request
                    return;
                }
                if (!readingHead && !readingBody && msg instanceof ByteBuf) {
                    readingHead = true;
                }
                ctx.fireChannelRead(msg);
                // most requests arrive whole in one read and are decoded above, so most never start a timer
                if (closing || !ctx.channel().isActive()) {
                    return;
                }
                if (readingHead && headDeadline == null) {
                    headDeadline = ctx.executor().schedule(() -> headTimedOut(ctx),
                            limits.headerTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                if (readingBody && bodyDeadline == null) {
                    bodyDeadline = ctx.executor().schedule(() -> bodyTimedOut(ctx),
                            limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                if (event instanceof IdleStateEvent) {
                    idle(ctx);
                } else {
                    ctx.fireUserEventTriggered(event);
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancelDeadlines();
                ctx.fireChannelInactive();
            }
        };
    }

    ChannelInboundHandler afterDecoder() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    readingHead = false;
                    readingBody = true;
                    unanswered++;
                    headDeadline = cancel(headDeadline);
                }
                if (msg instanceof LastHttpContent) {
                    readingBody = false;
                    bodyDeadline = cancel(bodyDeadline);
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void headTimedOut(ChannelHandlerContext ctx) {
        headDeadline = null;
        if (!readingHead || closing || !ctx.channel().isActive()) {
            return;
        }
        String cause = "the request head did not arrive within " + seconds(limits.headerTimeout().toMillis());
        drops.dropped(ctx.channel(), cause);
        if (unanswered == 0) {
            HttpHandler.refuse(ctx, ErrorResponses.error(408, "invalid_request_error",
                    "Request timeout: " + cause + ".", null));
        } else {
            ctx.channel().close(); // an earlier request's answer is still due; a 408 now would arrive out of order
        }
    }

    private void bodyTimedOut(ChannelHandlerContext ctx) {
        bodyDeadline = null;
        if (!readingBody || closing || !ctx.channel().isActive()) {
            return;
        }
        String cause = "the request body did not arrive within " + seconds(limits.bodyTimeout().toMillis());
        drops.dropped(ctx.channel(), cause);
        if (unanswered <= 1) { // the request whose body is late is the only one waiting for an answer
            HttpHandler.refuse(ctx, ErrorResponses.error(408, "invalid_request_error",
                    "Request timeout: " + cause + ".", null));
        } else {
            ctx.channel().close(); // an earlier request's answer is still due; a 408 now would arrive out of order
        }
    }

    private void idle(ChannelHandlerContext ctx) {
        if (closing) {
            return; // LingeringClose closes it
        }
        String idleFor = seconds(limits.idleTimeout().toMillis());
        if (readingBody) {
            drops.dropped(ctx.channel(), "no byte of the request body for " + idleFor);
            ctx.channel().close();
        } else if (unanswered == 0 && !readingHead) {
            drops.closedQuietly(ctx.channel(), "idle for " + idleFor + " between requests");
            ctx.channel().close();
        }
        // else an answer is still coming (a latency fault), or the header timeout watches the head
    }

    private void cancelDeadlines() {
        headDeadline = cancel(headDeadline);
        bodyDeadline = cancel(bodyDeadline);
    }

    /** Cancels {@code deadline} when there is one; null, to assign back. */
    private static ScheduledFuture<?> cancel(ScheduledFuture<?> deadline) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        return null;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
