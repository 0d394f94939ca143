/**
 * Events and webhooks ({@code events:}, {@code webhooks:}): committed row changes become provider-shaped events
 * ({@link dev.twin.replayer.webhook.EventEmitter}) kept per tenant ({@link dev.twin.replayer.webhook.EventLog},
 * listed by {@link dev.twin.replayer.webhook.EventsResponder}) and delivered, signed and retried, on their own
 * threads ({@link dev.twin.replayer.webhook.WebhookDispatcher}) through the only outbound HTTP client a twin has
 * ({@link dev.twin.replayer.webhook.WebhookClient}).
 */
package dev.twin.replayer.webhook;
