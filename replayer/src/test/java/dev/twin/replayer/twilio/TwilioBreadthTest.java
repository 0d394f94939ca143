package dev.twin.replayer.twilio;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.TwinConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The breadth of examples/twilio: every operation the Twilio SDK calls in the flows of docs/sandbox.md answers from
 * a table (a written or derived binding), never from the spec alone. The figures are written to
 * {@code target/twilio-breadth.txt} for docs/sandbox.md.
 */
class TwilioBreadthTest {
    /** The operations the SDK calls in the flows docs/sandbox.md walks through (TwilioMessagesTest and the rest). */
    static final List<String> FLOW_OPERATIONS = List.of(
            "CreateAccount", "ListAccount", "FetchAccount", "UpdateAccount",
            "CreateMessage", "ListMessage", "FetchMessage", "UpdateMessage", "DeleteMessage",
            "CreateCall", "ListCall", "FetchCall", "UpdateCall", "DeleteCall",
            "CreateCallRecording", "ListCallRecording", "FetchCallRecording", "UpdateCallRecording",
            "DeleteCallRecording", "ListRecording", "FetchRecording", "DeleteRecording",
            "ListAvailablePhoneNumberLocal",
            "CreateIncomingPhoneNumber", "ListIncomingPhoneNumber", "FetchIncomingPhoneNumber",
            "UpdateIncomingPhoneNumber", "DeleteIncomingPhoneNumber",
            "CreateIncomingPhoneNumberLocal", "ListIncomingPhoneNumberLocal",
            "ListConference", "FetchConference", "UpdateConference",
            "CreateParticipant", "ListParticipant", "FetchParticipant", "UpdateParticipant", "DeleteParticipant");

    private static TwilioTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = TwilioTwin.start();
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void everyOperationOfTheFlowsAnswersFromATable() throws IOException {
        TwinConfig config = twin.twin().internals().server().api().config();
        Map<String, Binding> bindings = config.extend().stream()
                .collect(Collectors.toMap(Binding::operationId, Function.identity()));

        Map<String, String> byOperation = new TreeMap<>();
        for (String operation : FLOW_OPERATIONS) {
            Binding binding = bindings.get(operation);
            assertTrue(binding != null, operation + " is not bound to a table");
            byOperation.put(operation, binding.table() + " " + binding.action().name().toLowerCase()
                    + (binding.derived() ? " (derived)" : " (written)"));
        }
        Set<String> tables = new TreeSet<>();
        FLOW_OPERATIONS.forEach(operation -> tables.add(bindings.get(operation).table()));
        long written = FLOW_OPERATIONS.stream().filter(operation -> !bindings.get(operation).derived()).count();

        assertTrue(tables.size() >= 7, tables.toString());
        assertEquals(8, tables.size(), tables.toString());
        assertTrue(FLOW_OPERATIONS.size() >= 30);
        StringBuilder report = new StringBuilder("examples/twilio: the operations of the flows in docs/sandbox.md\n")
                .append("tables: ").append(tables.size()).append(' ').append(tables).append('\n')
                .append("bindings: ").append(FLOW_OPERATIONS.size()).append(" (").append(written)
                .append(" written, ").append(FLOW_OPERATIONS.size() - written).append(" derived by stateful: auto)\n")
                .append("custom operations: ").append(config.customOperations().size()).append('\n')
                .append("lifecycles: ").append(config.sandbox().lifecycles().size()).append('\n')
                .append("callbacks: ").append(config.sandbox().callbacks().send().size()).append('\n')
                .append("scenarios (magic numbers): ").append(config.sandbox().scenarios().size()).append('\n')
                .append("bindings in all: ").append(config.extend().size()).append('\n');
        byOperation.forEach((operation, binding) -> report.append("  ").append(operation).append(": ")
                .append(binding).append('\n'));
        Files.writeString(Path.of("target", "twilio-breadth.txt"), report);
    }
}
