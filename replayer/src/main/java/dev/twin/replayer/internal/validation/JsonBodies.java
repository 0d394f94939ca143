package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON request bodies; a body that is not JSON becomes a violation that says where it breaks, one nested
 * deeper or holding more values than {@link RequestLimits} allow becomes a limit violation naming its member.
 */
final class JsonBodies {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(RequestLimits.MAX_DEPTH).build())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /**
     * The parsed body, or null after adding the reason to {@code problems} (not JSON) or to {@code overLimit} (too
     * deep, too many values).
     */
    static JsonNode parse(byte[] body, List<Violation> problems, List<Violation> overLimit) {
        JsonNode tree;
        JsonParser parser = null;
        try (JsonParser opened = MAPPER.createParser(body)) {
            parser = opened;
            tree = MAPPER.readTree(opened);
            if (tree == null) {
                tree = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        } catch (StreamConstraintsException e) {
            overLimit.add(RequestLimits.tooDeep(memberName(parser), Violation.BODY));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(Violation.malformedBody(describe(e)));
            return null;
        } catch (IOException e) {
            problems.add(Violation.malformedBody("Invalid JSON body: " + e.getMessage()));
            return null;
        }
        String crowded = memberBeyondLimit(tree);
        if (crowded != null) {
            overLimit.add(RequestLimits.tooMany(crowded, Violation.BODY));
            return null;
        }
        return tree;
    }

    /** {@code body.metadata} for the top-level member the parser was in when it stopped; {@code body} at the top. */
    private static String memberName(JsonParser parser) {
        if (parser == null) {
            return Violation.BODY;
        }
        JsonStreamContext context = parser.getParsingContext();
        String member = null;
        while (context != null && !context.inRoot()) {
            if (context.getParent() != null && context.getParent().inRoot()) {
                member = context.inObject() ? context.getCurrentName() : null;
            }
            context = context.getParent();
        }
        return member == null ? Violation.BODY : Violation.BODY + "." + member;
    }

    /**
     * The top-level member ({@code body.metadata}) whose values carry the body's count past
     * {@link RequestLimits#MAX_PARAMETERS}, or null when the body is within it. Iterative: the depth is already
     * bounded, but a count needs no stack.
     */
    private static String memberBeyondLimit(JsonNode tree) {
        if (!tree.isContainerNode() || tree.size() <= RequestLimits.MAX_PARAMETERS && !hasContainer(tree)) {
            return null;
        }
        int count = 0;
        Deque<JsonNode> pending = new ArrayDeque<>();
        Iterator<Map.Entry<String, JsonNode>> members = tree.isObject() ? tree.fields() : null;
        Iterator<JsonNode> items = tree.isArray() ? tree.elements() : null;
        while (members != null ? members.hasNext() : items.hasNext()) {
            String name;
            if (members != null) {
                Map.Entry<String, JsonNode> member = members.next();
                name = Violation.BODY + "." + member.getKey();
                pending.push(member.getValue());
            } else {
                name = Violation.BODY;
                pending.push(items.next());
            }
            while (!pending.isEmpty()) {
                JsonNode node = pending.pop();
                if (++count > RequestLimits.MAX_PARAMETERS) {
                    return name;
                }
                node.forEach(pending::push);
            }
        }
        return null;
    }

    private static boolean hasContainer(JsonNode tree) {
        for (JsonNode child : tree) {
            if (child.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String reason = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
        int newline = reason.indexOf('\n');
        if (newline > 0) {
            reason = reason.substring(0, newline);
        }
        if (where == null) {
            return "Invalid JSON body: " + reason;
        }
        return "Invalid JSON body at line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + reason;
    }
}
