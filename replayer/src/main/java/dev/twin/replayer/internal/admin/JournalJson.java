package dev.twin.replayer.internal.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.journal.AnswerOrigin;
import dev.twin.replayer.internal.journal.DetailJson;
import dev.twin.replayer.internal.journal.ExchangeJson;
import dev.twin.replayer.internal.journal.ExchangeDetail;
import dev.twin.replayer.internal.response.AnswerSource;

import java.util.Locale;
import java.util.function.Function;

/**
 * Journal entries as {@code /__twin/requests} shows them: a summary line per entry (also what the live stream
 * sends), and the whole detail of one. {@code answeredBy} names what answered in one place: the sandbox control,
 * else the table and binding, the recording, the spec's example or a generated body, or the twin's own error.
 * The detail is written by {@link DetailJson}, credentials redacted.
 */
final class JournalJson {
    private final Function<String, BoundTable> bindings;

    /** @param bindings the {@code extend} binding of an operation id in the configuration served, or null */
    JournalJson(Function<String, BoundTable> bindings) {
        this.bindings = bindings;
    }

    ObjectNode summary(long sequence, JournalEntry entry) {
        ObjectNode item = ExchangeJson.object().put("seq", sequence).put("at", entry.at().toString())
                .put("method", entry.method()).put("path", entry.path()).put("tenant", entry.tenant())
                .put("status", entry.status()).put("operation", entry.operation())
                .put("source", entry.source().name().toLowerCase(Locale.ROOT));
        if (entry.note() != null) {
            item.put("note", entry.note());
        }
        item.set("answeredBy", answeredBy(entry));
        item.put("detail", entry.detail() != null);
        return item;
    }

    ObjectNode full(long sequence, JournalEntry entry) {
        ObjectNode item = summary(sequence, entry);
        ExchangeDetail detail = entry.detail();
        if (detail == null) {
            return item;
        }
        DetailJson.write(item, entry.at(), detail);
        return item;
    }

    /** {@code {"kind", "name", "text"}}: what answered, from the most specific fact the entry holds. */
    private ObjectNode answeredBy(JournalEntry entry) {
        ExchangeDetail detail = entry.detail();
        AnswerOrigin origin = detail == null ? null : detail.origin();
        ObjectNode by = ExchangeJson.object();
        if (origin != null && origin.kind() != AnswerOrigin.Kind.LATENCY) {
            String kind = origin.kind().name().toLowerCase(Locale.ROOT);
            String text = switch (origin.kind()) {
                case SCENARIO -> "scenario " + origin.name();
                case FAULT -> "fault rule " + origin.name();
                case RATE_LIMIT -> "rate limit " + origin.name() + " (bucket empty)";
                default -> "the event log (" + origin.name() + ")";
            };
            return by.put("kind", kind).put("name", origin.name()).put("text", text);
        }
        String delayed = origin == null ? "" : ", delayed by fault rule " + origin.name();
        AnswerSource source = entry.source();
        if (source == AnswerSource.TABLE) {
            BoundTable binding = entry.operation() == null ? null : bindings.apply(entry.operation());
            if (binding != null && binding.table() != null) {
                return by.put("kind", "table").put("name", binding.table()).put("text", "table " + binding.table()
                        + " (" + binding.action() + ", binding "
                        + binding.mock() + (binding.derived() ? ", stateful: auto" : "") + ")" + delayed);
            }
            return by.put("kind", "table").putNull("name").put("text", "the tables" + delayed);
        }
        String kind = source.name().toLowerCase(Locale.ROOT);
        String text = switch (source) {
            case RECORDING -> entry.note() != null && entry.note().startsWith("recording #")
                    ? entry.note().split(";", 2)[0] : "a recording";
            case SPEC_EXAMPLE -> "the spec's example";
            case GENERATED -> "generated from the spec's schema";
            case ERROR -> "twin's own error (routing, validation or a failure)";
            default -> "the admin API";
        };
        return by.put("kind", kind).putNull("name").put("text", text + delayed);
    }
}
