/**
 * {@code twin verify}: replays recorded exchanges against a running twin over HTTP and compares each answer with
 * the recorded one. {@link dev.twin.replayer.internal.verify.Verifier} drives a session, {@link
 * dev.twin.replayer.internal.verify.IdMap} maps the values the twin mints onto the recorded ones, {@link
 * dev.twin.replayer.internal.verify.BodyComparison} and {@link dev.twin.replayer.internal.verify.HeaderComparison} produce
 * {@link dev.twin.replayer.internal.verify.Divergence}s, and {@link dev.twin.replayer.internal.verify.VerifyReport} scores them.
 */
package dev.twin.replayer.internal.verify;
