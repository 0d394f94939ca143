package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.IdAlphabet;
import dev.twin.replayer.config.IdStrategy;
import dev.twin.replayer.config.IdType;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.internal.convention.ListItems;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.convention.TimestampFormat;
import dev.twin.replayer.internal.state.FilteredField;
import dev.twin.replayer.internal.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which filters an index answers (reading only its rows) and which are left to the walk over every row. */
class IndexedFilterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TableConfig table = new TableConfig("charges", "id", IdStrategy.PREFIX, "ch_", 14,
            IdAlphabet.BASE62, null, IdType.STRING, 1, List.of(), 0, Map.of("customer", "customers"),
            Conventions.DEFAULTS, null);
    private StateStore store;
    private IndexedFilter filter;

    @BeforeEach
    void start() throws Exception {
        store = StateStore.inMemory(List.of(table), Clock.systemUTC());
        store.indexFilterFields(Map.of("charges", Set.of(new FilteredField("customer", null))));
        filter = new IndexedFilter("charges", TableConventions.of(table).shaper(),
                Set.of(new FilteredField("customer", null)));
        for (String row : List.of("{\"customer\": \"cus_1\", \"status\": \"paid\"}",
                "{\"customer\": \"cus_2\", \"status\": \"paid\"}", "{\"customer\": \"cus_1\", \"status\": \"open\"}")) {
            ObjectNode data = (ObjectNode) JSON.readTree(row);
            store.inTransaction("t", tables -> tables.insert("charges", data));
        }
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void anEqualityFilterOnAnIndexedFieldIsAnsweredNewestFirstFromTheIndex() {
        List<ObjectNode> items = matching(Map.of("customer", List.of("cus_1"))).orElseThrow();

        assertEquals(List.of("open", "paid"), items.stream().map(item -> item.get("status").asText()).toList());
    }

    @Test
    void anotherFilterIsCheckedOnTheIndexedRowsOnly() {
        List<ObjectNode> items = matching(Map.of("customer", List.of("cus_1"), "status", List.of("paid")))
                .orElseThrow();

        assertEquals(1, items.size());
        assertEquals("cus_1", items.get(0).get("customer").asText());
    }

    @Test
    void aFilterOnAFieldWithoutAnIndexIsLeftToTheWalk() {
        assertTrue(matching(Map.of("status", List.of("paid"))).isEmpty());
    }

    @Test
    void severalValuesForTheIndexedFieldAreLeftToTheWalk() {
        assertTrue(matching(Map.of("customer", List.of("cus_1", "cus_2"))).isEmpty());
    }

    @Test
    void aParentFieldShownRenamedWithADefaultIsAnsweredFromTheIndexUnderItsShownName() throws Exception {
        // Twilio's messages: the path's AccountSid is stored as is, shown as account_sid (null when absent)
        RowShaper shaper = new RowShaper("sid", TimestampFormat.ISO8601, Map.of(),
                (ObjectNode) JSON.readTree("{\"account_sid\": null}"), Set.of(), Map.of("AccountSid", "account_sid"));
        FilteredField accountSid = shaper.filteredField("AccountSid").orElseThrow();
        TableConfig messages = new TableConfig("messages", "sid", IdStrategy.PREFIX, "SM", 14, IdAlphabet.BASE62,
                null, IdType.STRING, 1, List.of(), 0, Map.of(), Conventions.DEFAULTS, null);
        try (StateStore twilio = StateStore.inMemory(List.of(messages), Clock.systemUTC())) {
            twilio.indexFilterFields(Map.of("messages", Set.of(accountSid)));
            for (String row : List.of("{\"AccountSid\": \"AC1\", \"Body\": \"one\"}", "{\"Body\": \"none\"}",
                    "{\"AccountSid\": \"AC2\", \"Body\": \"two\"}")) {
                ObjectNode data = (ObjectNode) JSON.readTree(row);
                twilio.inTransaction("t", tables -> tables.insert("messages", data));
            }
            IndexedFilter byAccount = new IndexedFilter("messages", shaper, Set.of(accountSid));

            List<ObjectNode> ac2 = twilio.inTransaction("t", tables -> byAccount.matching(tables,
                    Map.of("AccountSid", List.of("AC2")), false).map(ListItems::all)).orElseThrow();
            List<ObjectNode> withoutAccount = twilio.inTransaction("t", tables -> byAccount.matching(tables,
                    Map.of("account_sid", List.of("")), false).map(ListItems::all)).orElseThrow();

            assertEquals(List.of("two"), ac2.stream().map(item -> item.get("Body").asText()).toList());
            assertEquals(List.of("none"), withoutAccount.stream().map(item -> item.get("Body").asText()).toList());
        }
    }

    @Test
    void aFieldFilledFromATemplateHasNoIndex() throws Exception {
        RowShaper shaper = new RowShaper("id", TimestampFormat.ISO8601, Map.of(),
                (ObjectNode) JSON.readTree("{\"owner\": \"{{item.id}}\"}"), Set.of(), Map.of());

        assertTrue(shaper.filteredField("owner").isEmpty());
    }

    /** The matching items, read inside the transaction as a list reads them; empty when the walk must answer. */
    private Optional<List<ObjectNode>> matching(Map<String, List<String>> criteria) {
        return store.inTransaction("t", tables -> filter.matching(tables, criteria, false).map(ListItems::all));
    }
}
