package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * How one operation's successful answers wrap the row: under {@code member} ({@code node}, {@code user},
 * {@code data}), with {@code constants} beside it (etcd's {@code action: get}) and members that varied, which the
 * twin leaves out ({@code leftOut}: etcd's {@code prevNode}).
 *
 * @param evidence why, for the report
 */
public record ItemEnvelope(String member, Map<String, JsonNode> constants, List<String> leftOut, String evidence) {
    public ItemEnvelope {
        constants = Map.copyOf(constants);
        leftOut = List.copyOf(leftOut);
    }
}
