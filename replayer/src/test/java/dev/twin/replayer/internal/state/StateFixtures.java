package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.IdAlphabet;
import dev.twin.replayer.config.IdStrategy;
import dev.twin.replayer.config.TableConfig;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Tables, rows and a clock for the state engine's tests. */
final class StateFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateFixtures() {
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> rows(String... jsonRows) {
        return Arrays.stream(jsonRows).map(StateFixtures::json).toList();
    }

    static TableConfig prefixTable(String name, String prefix, List<ObjectNode> seeds, int maxRows) {
        return new TableConfig(name, "id", IdStrategy.PREFIX, prefix, 14, IdAlphabet.BASE62, null, dev.twin.replayer.config.IdType.STRING, 1, seeds, maxRows,
                Map.of(), Conventions.DEFAULTS, null);
    }

    static TableConfig table(String name, IdStrategy strategy, String prefix, String pattern) {
        return new TableConfig(name, "id", strategy, prefix, 14, IdAlphabet.BASE62, pattern, dev.twin.replayer.config.IdType.STRING, 1, List.of(), 0,
                Map.of(), Conventions.DEFAULTS, null);
    }

    /** customers (cus_, one seed row), messages (sequence ids), accounts (SM-pattern ids). */
    static List<TableConfig> standardTables() {
        return List.of(
                prefixTable("customers", "cus_", rows("{'id': 'cus_seed', 'name': 'Seed Customer'}"), 0),
                table("messages", IdStrategy.SEQUENCE, "", null),
                table("sms", IdStrategy.PATTERN, "", "SM[0-9a-f]{32}"));
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
