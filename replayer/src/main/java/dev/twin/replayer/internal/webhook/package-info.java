/**
 * Events and webhooks ({@code events:}, {@code webhooks:}): committed row changes become provider-shaped events
 * ({@link dev.twin.replayer.internal.webhook.EventEmitter}) kept per tenant ({@link dev.twin.replayer.internal.webhook.EventLog},
 * listed by {@link dev.twin.replayer.internal.webhook.EventsResponder}) and delivered, signed and retried, on their own
 * threads ({@link dev.twin.replayer.internal.webhook.WebhookDispatcher}) through the only outbound HTTP client a twin has
 * ({@link dev.twin.replayer.internal.webhook.WebhookClient}).
 */
package dev.twin.replayer.internal.webhook;
