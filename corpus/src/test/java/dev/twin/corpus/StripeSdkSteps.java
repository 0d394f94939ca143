package dev.twin.corpus;

import com.stripe.exception.StripeException;
import com.stripe.model.StripeObject;

/**
 * Runs calls of the official Stripe SDK as steps of a flow: each step's transcript entry is what the SDK handed the
 * integration, the returned object's {@code toJson()} with the status it was answered with, or the exception's
 * status and its error's JSON.
 */
final class StripeSdkSteps {
    /** One SDK call, e.g. {@code () -> Customer.create(params, options)}. */
    @FunctionalInterface
    interface Call<T extends StripeObject> {
        T run() throws StripeException;
    }

    private final FlowClient client;

    StripeSdkSteps(FlowClient client) {
        this.client = client;
    }

    /** The object the SDK returned, or null when it threw (the step records the error). */
    <T extends StripeObject> T step(String name, Call<T> call) {
        try {
            T result = call.run();
            client.record(name, result.getLastResponse().code(), result.toJson());
            return result;
        } catch (StripeException e) {
            client.record(name, e.getStatusCode() == null ? 0 : e.getStatusCode(),
                    e.getStripeError() == null ? e.getMessage() : e.getStripeError().toJson());
            return null;
        }
    }

    /** Like {@link #step}, for a call the flow needs to succeed: its id is used by later steps. */
    <T extends StripeObject> T required(String name, Call<T> call) {
        T result = step(name, call);
        if (result == null) {
            throw new IllegalStateException("step " + name + " failed, and later steps need what it returns: "
                    + client.steps().get(client.steps().size() - 1));
        }
        return result;
    }
}
