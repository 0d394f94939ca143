/**
 * Replay of recorded responses ({@code replay:} in twin.yaml): a request that no table binding answers is
 * answered from the recordings of a {@code twin record} store before the spec's generated response.
 *
 * <ul>
 *   <li>{@link dev.twin.replayer.internal.replay.RecordedAnswersLoader} opens the store read-only once per loaded
 *       configuration and builds the index; nothing is read from the store per request.</li>
 *   <li>{@link dev.twin.replayer.internal.replay.RecordedAnswers} is that index: recorded requests grouped by operation (or
 *       by exact method and path when no operation matches), identical requests grouped into one
 *       {@code RecordedSequence} whose responses are replayed in recorded order.</li>
 *   <li>{@code RequestShape} and {@code ClosestSequence} decide which recorded request is closest to an incoming
 *       one: the share of equal query parameters, path parameters and body fields.</li>
 * </ul>
 */
package dev.twin.replayer.internal.replay;
