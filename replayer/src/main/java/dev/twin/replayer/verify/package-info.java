/**
 * {@code twin verify}: replays recorded exchanges against a running twin over HTTP and compares each answer with
 * the recorded one. {@link dev.twin.replayer.verify.Verifier} drives a session, {@link
 * dev.twin.replayer.verify.IdMap} maps the values the twin mints onto the recorded ones, {@link
 * dev.twin.replayer.verify.BodyComparison} and {@link dev.twin.replayer.verify.HeaderComparison} produce
 * {@link dev.twin.replayer.verify.Divergence}s, and {@link dev.twin.replayer.verify.VerifyReport} scores them.
 */
package dev.twin.replayer.verify;
