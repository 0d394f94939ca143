/**
 * Callbacks ({@code callbacks:} in twin.yaml): after a committed row change a rule matches, the twin sends an HTML
 * form to a URL the row names (Twilio's {@code StatusCallback}), signed as the provider signs it
 * ({@link dev.twin.replayer.internal.callback.TwilioSignature}), worked out from the row by
 * {@link dev.twin.replayer.internal.callback.CallbackForm} and sent one row's after another, on threads of their own
 * ({@link dev.twin.replayer.internal.callback.CallbackDispatcher}). {@link dev.twin.replayer.internal.callback.CallbackClient} sends
 * only to loopback hosts and the hosts {@code callbacks.allowHosts} names, and connects nowhere else.
 */
package dev.twin.replayer.internal.callback;
