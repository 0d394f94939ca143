package dev.twin.inspector.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.redact.Redactor;
import dev.twin.replayer.internal.journal.ExchangeJson;

/**
 * A recorded exchange as the page shows it: always redacted (also when the store holds secrets because of
 * {@code --no-redact}; redacting a redacted exchange changes nothing).
 */
final class ExchangeView {
    private final Redactor redactor;

    /** @param redactor the recording's redaction; the default one when it redacts nothing */
    ExchangeView(Redactor redactor) {
        this.redactor = redactor.enabled() ? redactor : Redactor.defaults();
    }

    Exchange shown(Exchange exchange) {
        return redactor.redact(exchange);
    }

    ObjectNode summary(Exchange exchange) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", exchange.id())
                .put("session", exchange.session()).put("at", exchange.startedAt().toString())
                .put("method", exchange.request().method()).put("scheme", exchange.request().scheme())
                .put("host", exchange.request().host()).put("path", exchange.request().path())
                .put("query", shown(exchange).request().rawQuery())
                .put("durationMs", exchange.durationMicros() / 1000.0).put("tunnelled", exchange.tunnelled());
        if (exchange.response() != null) {
            item.put("status", exchange.response().status());
        } else {
            item.putNull("status");
        }
        item.put("failure", exchange.failure() == null ? null
                : exchange.failure().kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + exchange.failure().message());
        return item;
    }

    ObjectNode full(Exchange recorded) {
        Exchange exchange = shown(recorded);
        ObjectNode item = summary(exchange).put("clientAddress", exchange.clientAddress());
        ExchangeJson.message(item.putObject("request"), exchange.request().headers(), exchange.request().body());
        if (exchange.response() != null) {
            ExchangeJson.message(item.putObject("response").put("status", exchange.response().status()),
                    exchange.response().headers(), exchange.response().body());
        }
        return item;
    }
}
