package dev.twin.replayer.internal.plain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.AnswerSource;
import dev.twin.replayer.internal.startup.CacheEncoding;
import dev.twin.replayer.internal.validation.BodyFormat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes {@link PlainAnswer}s in a cache entry; anything malformed throws and the entry is a miss. */
final class PlainAnswerCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private PlainAnswerCodec() {
    }

    static void write(DataOutputStream out, Collection<PlainAnswer> answers) throws IOException {
        out.writeInt(answers.size());
        for (PlainAnswer answer : answers) {
            out.writeUTF(answer.operationId());
            out.writeInt(answer.security().size());
            for (List<PlainAnswer.Credential> alternative : answer.security()) {
                out.writeInt(alternative.size());
                for (PlainAnswer.Credential credential : alternative) {
                    out.writeBoolean(credential.inHeader());
                    out.writeUTF(credential.name());
                }
            }
            out.writeInt(answer.acceptValues().size());
            for (String accept : answer.acceptValues()) {
                out.writeUTF(accept);
            }
            CacheEncoding.writeNullable(out, answer.decoded().mediaType());
            out.writeUTF(answer.decoded().format().name());
            CacheEncoding.writeBytes(out, answer.decoded().body() == null ? null : JSON.writeValueAsBytes(answer.decoded().body()));
            out.writeInt(answer.response().status());
            out.writeInt(answer.response().headers().size());
            for (Map.Entry<String, String> header : answer.response().headers().entrySet()) {
                CacheEncoding.writeBytes(out, header.getKey().getBytes(StandardCharsets.UTF_8));
                CacheEncoding.writeBytes(out, header.getValue().getBytes(StandardCharsets.UTF_8));
            }
            CacheEncoding.writeBytes(out, answer.response().body());
            out.writeUTF(answer.source().name());
        }
        out.writeInt(-1);
    }

    static List<PlainAnswer> read(DataInputStream in) throws IOException {
        int count = count(in);
        List<PlainAnswer> answers = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            String operationId = in.readUTF();
            int alternatives = count(in);
            List<List<PlainAnswer.Credential>> security = new ArrayList<>(alternatives);
            for (int i = 0; i < alternatives; i++) {
                int credentials = count(in);
                List<PlainAnswer.Credential> alternative = new ArrayList<>(credentials);
                for (int c = 0; c < credentials; c++) {
                    alternative.add(new PlainAnswer.Credential(in.readBoolean(), in.readUTF()));
                }
                security.add(alternative);
            }
            int acceptCount = count(in);
            Set<String> accept = new LinkedHashSet<>();
            for (int i = 0; i < acceptCount; i++) {
                accept.add(in.readUTF());
            }
            String mediaType = CacheEncoding.readNullable(in);
            BodyFormat format = BodyFormat.valueOf(in.readUTF());
            byte[] decodedBody = readBytes(in);
            JsonNode body = decodedBody == null ? null : JSON.readTree(decodedBody);
            int status = in.readInt();
            int headerCount = count(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int h = 0; h < headerCount; h++) {
                headers.put(text(readBytes(in)), text(readBytes(in)));
            }
            byte[] responseBody = readBytes(in);
            AnswerSource source = AnswerSource.valueOf(in.readUTF());
            answers.add(new PlainAnswer(operationId, security, accept,
                    new PlainAnswer.DecodedBody(mediaType, format, body),
                    new TwinResponse(status, headers, responseBody), source));
        }
        if (in.readInt() != -1) {
            throw new IOException("corrupt answers entry");
        }
        return answers;
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return CacheEncoding.readBytes(in, MAX_BYTES);
    }

    private static int count(DataInputStream in) throws IOException {
        return CacheEncoding.count(in, 100_000);
    }

    private static String text(byte[] bytes) throws IOException {
        if (bytes == null) {
            throw new IOException("missing header text");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
