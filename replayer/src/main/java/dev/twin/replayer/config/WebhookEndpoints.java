package dev.twin.replayer.config;

import java.util.List;
import java.util.Objects;

/**
 * {@code webhookEndpoints:} — webhook endpoints a client creates over the API (Stripe's
 * {@code POST /v1/webhook_endpoints}) are rows of {@code table}: each tenant's events are delivered to that tenant's
 * endpoints whose {@code eventsField} lists the event's type (or {@code *}), signed with the row's
 * {@code secretField}. Only URLs on loopback, or on a host of {@code allowHosts}, may be stored: twin opens no
 * other connection.
 *
 * @param enabled    over {@code row}: whether an endpoint receives events (null: every endpoint)
 * @param allowHosts host names (lower case) besides loopback that endpoint URLs may name
 */
public record WebhookEndpoints(String table, String urlField, String eventsField, String secretField,
                               Expression enabled, Webhook.Signature signature, List<String> allowHosts,
                               int maxAttempts, SourceLocation location) {
    public WebhookEndpoints {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(urlField, "urlField");
        Objects.requireNonNull(eventsField, "eventsField");
        Objects.requireNonNull(signature, "signature");
        allowHosts = List.copyOf(allowHosts);
        Objects.requireNonNull(location, "location");
    }
}
