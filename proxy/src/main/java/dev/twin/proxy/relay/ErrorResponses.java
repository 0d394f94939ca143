package dev.twin.proxy.relay;

import dev.twin.recorder.Failure;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The responses twin itself sends when it cannot relay, e.g.
 * {@code {"error":{"type":"upstream_unreachable","upstream":"api.example.com:443","message":"..."}}}.
 */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    /** @param upstream "host:port" of the upstream involved, or null when the client's request was at fault */
    public static FullHttpResponse of(Failure failure, String upstream) {
        StringBuilder json = new StringBuilder("{\"error\":{\"type\":\"").append(type(failure.kind())).append('"');
        if (upstream != null) {
            json.append(",\"upstream\":").append(quote(upstream));
        }
        json.append(",\"message\":").append(quote(failure.message())).append("}}\n");
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status(failure.kind()),
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    public static HttpResponseStatus status(Failure.Kind kind) {
        return switch (kind) {
            case UPSTREAM_TIMEOUT -> HttpResponseStatus.GATEWAY_TIMEOUT;
            case BAD_REQUEST -> HttpResponseStatus.BAD_REQUEST;
            default -> HttpResponseStatus.BAD_GATEWAY;
        };
    }

    private static String type(Failure.Kind kind) {
        return switch (kind) {
            case UPSTREAM_REFUSED -> "upstream_unreachable";
            case UPSTREAM_TLS -> "upstream_tls";
            case UPSTREAM_TIMEOUT -> "upstream_timeout";
            case BAD_REQUEST -> "bad_request";
            case UPSTREAM_ERROR, CLIENT_ABORT -> "upstream_error";
        };
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
