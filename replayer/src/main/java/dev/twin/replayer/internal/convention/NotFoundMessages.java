package dev.twin.replayer.internal.convention;

import dev.twin.replayer.internal.http.TwinRequest;

import java.util.Map;

/**
 * The message for a row that does not exist, in the provider's words: by default Stripe's
 * {@code No such customer: 'cus_123'} (the resource named by the table's injected {@code object}, else the table),
 * or a configured template over {@code id}, {@code resource} and {@code request.path} (Twilio's
 * {@code The requested resource {{request.path}} was not found}).
 */
public final class NotFoundMessages {
    private static final StringTemplate STRIPE_STYLE = StringTemplate.compile("No such {{resource}}: '{{id}}'");

    private final String resource;
    private final StringTemplate template;

    public NotFoundMessages(String resource, StringTemplate templateOrNull) {
        this.resource = resource;
        this.template = templateOrNull == null ? STRIPE_STYLE : templateOrNull;
    }

    public String message(String id, TwinRequest request) {
        return template.render(Map.of("id", id == null ? "" : id, "resource", resource,
                "request", ListEnvelope.requestModel(request)));
    }
}
