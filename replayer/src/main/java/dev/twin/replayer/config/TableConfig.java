package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stateful table ({@code tables:}).
 *
 * @param idPrefix   prefix strategy ("" if none)
 * @param idPattern  pattern strategy only, else null
 * @param idType     the JSON type of minted ids: "string" or "integer" (a sequence the API answers as numbers)
 * @param idStart    sequence strategy: the first number minted when no seed row is higher (default 1)
 * @param seedData   inline {@code seedData} rows then {@code seedFile} rows, each with its id
 * @param maxRows    per tenant; creates beyond it answer QUOTA_EXCEEDED
 * @param references field → table name, for {@code expand[]}
 * @param response   global conventions with this table's {@code response:} merged on top
 * @param embed      rows of other tables a read embeds on request, or null
 * @param idLast     rows the twin creates or replaces carry the id field last, after the fields sent, as servers that
 *                   write {@code {...body, id}} answer ({@code idPosition: last}); else first
 */
public record TableConfig(String name, String idField, IdStrategy idStrategy, String idPrefix, int idLength,
                          IdAlphabet idAlphabet, String idPattern, IdType idType, long idStart,
                          List<ObjectNode> seedData, int maxRows,
                          Map<String, String> references, Conventions response, SourceLocation location,
                          Embed embed, boolean idLast) {

    public TableConfig(String name, String idField, IdStrategy idStrategy, String idPrefix, int idLength,
                       IdAlphabet idAlphabet, String idPattern, IdType idType, long idStart,
                       List<ObjectNode> seedData, int maxRows, Map<String, String> references, Conventions response,
                       SourceLocation location, Embed embed) {
        this(name, idField, idStrategy, idPrefix, idLength, idAlphabet, idPattern, idType, idStart, seedData, maxRows,
                references, response, location, embed, false);
    }

    public TableConfig(String name, String idField, IdStrategy idStrategy, String idPrefix, int idLength,
                       IdAlphabet idAlphabet, String idPattern, IdType idType, long idStart,
                       List<ObjectNode> seedData, int maxRows, Map<String, String> references, Conventions response,
                       SourceLocation location) {
        this(name, idField, idStrategy, idPrefix, idLength, idAlphabet, idPattern, idType, idStart, seedData, maxRows,
                references, response, location, null);
    }

    public TableConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idField, "idField");
        Objects.requireNonNull(idStrategy, "idStrategy");
        Objects.requireNonNull(idPrefix, "idPrefix");
        Objects.requireNonNull(idAlphabet, "idAlphabet");
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(response, "response");
        seedData = seedData.stream().map(ObjectNode::deepCopy).toList();
        references = Merging.copy(references);
    }
}

