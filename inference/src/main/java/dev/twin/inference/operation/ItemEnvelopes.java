package dev.twin.inference.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.path.PathTrie;
import dev.twin.inference.schema.BodyReader;
import dev.twin.inference.schema.ShapeAggregate;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Item envelopes: answers of a resource's item operations that put the row under one member of an object (etcd's
 * {@code {"action": "get", "node": {...}}}, Rails' {@code {"user": {...}}}, JSON:API's {@code {"data": {...}}}).
 * The evidence is the item read: in every successful answer no top-level field held the path's id, and one
 * member's object did (its {@code id}, or a path ending with it, as etcd's {@code key}). The same member then
 * wraps the answers of the item's writes and of the create on its collection, wherever they hold it as an object;
 * the other members of each operation's answers are its constants, or left out when they varied.
 */
public final class ItemEnvelopes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemEnvelopes() {
    }

    /** @return by "METHOD template", the operations whose answers are enveloped */
    public static Map<String, ItemEnvelope> detect(TreeMap<String, TreeMap<String, OperationStats>> operations) {
        Map<String, ItemEnvelope> out = new TreeMap<>();
        for (Map.Entry<String, TreeMap<String, OperationStats>> item : operations.entrySet()) {
            List<String> segments = PathTrie.segments(item.getKey());
            OperationStats get = item.getValue().get("GET");
            if (segments.size() < 2 || !segments.get(segments.size() - 1).matches("\\{[^}]+}") || get == null
                    || get.successObjects() == 0 || !get.echoesOfLastParam().isEmpty()) {
                continue;
            }
            String member = null;
            for (Map.Entry<String, Long> m : get.membersEchoingLastParam().entrySet()) {
                if (m.getValue() == get.successObjects()) {
                    member = member == null ? m.getKey() : "";
                }
            }
            if (member == null || member.isEmpty()) {
                continue;
            }
            String evidence = "'" + member + "' held the row's id in all " + get.successObjects() + " item reads of "
                    + item.getKey() + ", and no top-level field did";
            List<OperationStats> ops = new ArrayList<>(item.getValue().values());
            String collection = item.getKey().substring(0, item.getKey().lastIndexOf('/'));
            if (operations.containsKey(collection) && operations.get(collection).containsKey("POST")) {
                ops.add(operations.get(collection).get("POST"));
            }
            for (OperationStats op : ops) {
                ItemEnvelope envelope = envelope(op, member, evidence);
                if (envelope != null) {
                    out.put(op.key(), envelope);
                }
            }
        }
        return out;
    }

    /** The operation's envelope when every main successful answer held the member as an object. */
    private static ItemEnvelope envelope(OperationStats op, String member, String evidence) {
        ResponseStats ok = op.responses().get(op.mainSuccessStatus());
        if (ok == null || !ok.hasJson() || !ok.body().isObject() || !ok.body().alwaysPresent(member)
                || !ok.body().properties().get(member).isObject()) {
            return null;
        }
        Map<String, JsonNode> constants = new TreeMap<>();
        List<String> leftOut = new ArrayList<>();
        for (Map.Entry<String, ShapeAggregate> p : ok.body().properties().entrySet()) {
            JsonNode constant = p.getValue().constant();
            if (p.getKey().equals(member)) {
                continue;
            }
            if (constant != null && ok.body().alwaysPresent(p.getKey())) {
                constants.put(p.getKey(), constant);
            } else {
                leftOut.add(p.getKey());
            }
        }
        return new ItemEnvelope(member, constants, leftOut, evidence);
    }

    /**
     * The exchange as if the row had been answered bare, and sent bare when the request wrapped it the same way
     * ({@code {"user": {...}}} and nothing but the answer's constants beside it); as it was otherwise.
     */
    public static Exchange unwrapped(Exchange exchange, ItemEnvelope envelope) {
        RecordedResponse response = exchange.response();
        JsonNode answer = BodyReader.kind(response.headers(), response.body()) == BodyReader.Kind.JSON
                ? BodyReader.json(response.body()) : null;
        if (answer != null && answer.get(envelope.member()) instanceof ObjectNode row) {
            response = new RecordedResponse(response.status(), response.headers(), bytes(row));
        }
        RecordedRequest request = exchange.request();
        JsonNode sent = BodyReader.kind(request.headers(), request.body()) == BodyReader.Kind.JSON
                ? BodyReader.json(request.body()) : null;
        ObjectNode inner = sent == null ? null : innerRow(sent, envelope);
        if (inner != null) {
            request = new RecordedRequest(request.method(), request.scheme(), request.host(), request.port(),
                    request.path(), request.rawQuery(), request.headers(), bytes(inner));
        }
        if (response == exchange.response() && request == exchange.request()) {
            return exchange;
        }
        return new Exchange(exchange.id(), exchange.session(), exchange.startedAt(), exchange.durationMicros(),
                exchange.clientAddress(), request, response, exchange.failure(), exchange.tunnelled());
    }

    /** The request's row when it was sent wrapped in the member, else null. */
    public static ObjectNode innerRow(JsonNode sent, ItemEnvelope envelope) {
        if (!(sent instanceof ObjectNode body) || !(body.get(envelope.member()) instanceof ObjectNode inner)) {
            return null;
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(envelope.member()) && !envelope.constants().containsKey(name)) {
                return null;
            }
        }
        return inner;
    }

    private static Body bytes(JsonNode json) {
        try {
            return Body.of(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }
}
