package dev.twin.recorder.store;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link Exchange} into bytes and back. A hand-written binary layout rather than Jackson/Smile: the model
 * is small and fixed, bodies are raw bytes (no base64 or reflection), and the format is ours to version. The first
 * byte is the format version; the id is not stored (it is the map key).
 */
final class ExchangeCodec {
    private static final int VERSION = 1;

    private ExchangeCodec() {
    }

    static byte[] encode(Exchange exchange) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + bodySize(exchange));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, exchange.session());
            out.writeLong(exchange.startedAt().getEpochSecond());
            out.writeInt(exchange.startedAt().getNano());
            out.writeLong(exchange.durationMicros());
            writeNullableString(out, exchange.clientAddress());
            writeRequest(out, exchange.request());
            out.writeBoolean(exchange.response() != null);
            if (exchange.response() != null) {
                writeResponse(out, exchange.response());
            }
            out.writeBoolean(exchange.failure() != null);
            if (exchange.failure() != null) {
                writeString(out, exchange.failure().kind().name());
                writeString(out, exchange.failure().message());
            }
            out.writeBoolean(exchange.tunnelled());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Exchange decode(long id, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("unknown exchange format version " + version);
            }
            String session = readString(in);
            Instant startedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            long durationMicros = in.readLong();
            String clientAddress = readNullableString(in);
            RecordedRequest request = readRequest(in);
            RecordedResponse response = in.readBoolean() ? readResponse(in) : null;
            Failure failure = in.readBoolean()
                    ? new Failure(Failure.Kind.valueOf(readString(in)), readString(in)) : null;
            boolean tunnelled = in.readBoolean();
            return new Exchange(id, session, startedAt, durationMicros, clientAddress, request, response, failure,
                    tunnelled);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("exchange " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static int bodySize(Exchange exchange) {
        int size = exchange.request().body().bytes().length;
        return exchange.response() == null ? size : size + exchange.response().body().bytes().length;
    }

    private static void writeRequest(DataOutputStream out, RecordedRequest request) throws IOException {
        writeString(out, request.method());
        writeString(out, request.scheme());
        writeString(out, request.host());
        out.writeInt(request.port());
        writeString(out, request.path());
        writeNullableString(out, request.rawQuery());
        writeHeaders(out, request.headers());
        writeBody(out, request.body());
    }

    private static RecordedRequest readRequest(DataInputStream in) throws IOException {
        return new RecordedRequest(readString(in), readString(in), readString(in), in.readInt(), readString(in),
                readNullableString(in), readHeaders(in), readBody(in));
    }

    private static void writeResponse(DataOutputStream out, RecordedResponse response) throws IOException {
        out.writeShort(response.status());
        writeHeaders(out, response.headers());
        writeBody(out, response.body());
    }

    private static RecordedResponse readResponse(DataInputStream in) throws IOException {
        return new RecordedResponse(in.readUnsignedShort(), readHeaders(in), readBody(in));
    }

    private static void writeHeaders(DataOutputStream out, List<Header> headers) throws IOException {
        out.writeInt(headers.size());
        for (Header header : headers) {
            writeString(out, header.name());
            writeString(out, header.value());
        }
    }

    private static List<Header> readHeaders(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Header> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            headers.add(new Header(readString(in), readString(in)));
        }
        return headers;
    }

    private static void writeBody(DataOutputStream out, Body body) throws IOException {
        out.writeInt(body.bytes().length);
        out.write(body.bytes());
        out.writeBoolean(body.truncated());
        out.writeLong(body.originalSize());
        writeNullableString(out, body.contentEncoding());
    }

    private static Body readBody(DataInputStream in) throws IOException {
        byte[] bytes = readExactly(in, in.readInt());
        return new Body(bytes, in.readBoolean(), in.readLong(), readNullableString(in));
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readExactly(in, in.readInt()), StandardCharsets.UTF_8);
    }

    private static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("record ends early");
        }
        return bytes;
    }

    private static void writeNullableString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    private static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }
}
