package dev.twin.recorder.store;

import java.time.Instant;

/** One recording session: how many exchanges it holds and when the first and last of them started. */
public record SessionSummary(String name, long count, Instant firstStartedAt, Instant lastStartedAt) {
}
