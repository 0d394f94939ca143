package dev.twin.replayer.internal.state;

import java.util.concurrent.CompletionStage;

/**
 * A commit on its way to the shared store ({@link SharedState#send}): the version the tenant will be at if it lands,
 * the token that a commit sent after it names to follow it, and its outcome to come.
 *
 * @param token    what a later commit names to apply only after this one ({@code null}: it cannot be followed)
 * @param expected the tenant's version once this commit landed
 * @param outcome  completes with the {@link CommitOutcome}, or fails as {@link SharedState#commit} throws
 */
public record SentCommit(String token, TenantVersion expected, CompletionStage<CommitOutcome> outcome) {
}
