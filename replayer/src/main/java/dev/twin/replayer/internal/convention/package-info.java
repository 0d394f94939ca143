/**
 * Response conventions, compiled once per table ({@link dev.twin.replayer.internal.convention.TableConventions}): how a
 * stored row looks in a body (timestamps, injected defaults, hidden and renamed fields), how lists page and what
 * their envelope looks like (Stripe's cursor, Twilio's pages), filtering and {@code expand[]}, and the provider's
 * error bodies. String values in these conventions are Handlebars templates.
 */
package dev.twin.replayer.internal.convention;
