package dev.twin.replayer.server;

import dev.twin.replayer.http.TwinRequest;
import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.response.ErrorResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns an aggregated Netty request into a {@link TwinRequest}, asks the pipeline, writes the answer. */
@ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String SANDBOX_HEADER = "Twin-Sandbox";

    private final RequestPipeline pipeline;

    HttpHandler(RequestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        if (request.decoderResult().isFailure()) {
            write(ctx, ErrorResponses.error(400, "invalid_request_error", "Malformed HTTP request: "
                    + request.decoderResult().cause().getMessage(), null), false, false);
            return;
        }
        TwinResponse response;
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            String rawPath = uri.rawPath();
            response = pipeline.handle(twinRequest(ctx, request, uri), rawPath.isEmpty() ? "/" : rawPath);
        } catch (IllegalArgumentException e) {
            // QueryStringDecoder rejects malformed percent-encoding
            response = ErrorResponses.error(400, "invalid_request_error", "Malformed request URI: "
                    + e.getMessage(), null);
        }
        // Sandbox faults and latency travel as directives on the response (dev.twin.replayer.fault)
        dev.twin.replayer.fault.FaultWriter.send(ctx, response, answer -> write(ctx, answer, keepAlive, head));
    }

    private static TwinRequest twinRequest(ChannelHandlerContext ctx, FullHttpRequest request,
                                           QueryStringDecoder uri) {
        Map<String, List<String>> headers = new HashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(header.getValue());
        }
        String rawQuery = uri.rawQuery();
        Map<String, List<String>> query = rawQuery.isEmpty() ? Map.of() : new LinkedHashMap<>(uri.parameters());
        ByteBuf content = request.content();
        byte[] body = content.isReadable() ? ByteBufUtil.getBytes(content) : new byte[0];
        SocketAddress remote = ctx.channel().remoteAddress();
        String remoteAddress = remote instanceof InetSocketAddress inet ? inet.getHostString() : String.valueOf(remote);
        return new TwinRequest(request.method().name(), uri.path(), rawQuery.isEmpty() ? null : rawQuery, query,
                headers, body, remoteAddress);
    }

    static void write(ChannelHandlerContext ctx, TwinResponse response, boolean keepAlive, boolean head) {
        ByteBuf body = head || response.body().length == 0 ? Unpooled.EMPTY_BUFFER
                : Unpooled.wrappedBuffer(response.body());
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), body);
        HttpHeaders headers = out.headers();
        response.headers().forEach(headers::set);
        headers.set(SANDBOX_HEADER, "true");
        if (!response.headers().containsKey("Content-Length")) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(out, ctx.voidPromise());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
