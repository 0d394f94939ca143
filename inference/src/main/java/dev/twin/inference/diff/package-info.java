/**
 * Drift reports: two OpenAPI documents (written by hand, by the provider, or inferred from two recording sessions)
 * compared operation by operation, each change classified as breaking or not for a client of the API.
 * {@link dev.twin.inference.diff.SpecDiff} is the entry point; {@link dev.twin.inference.diff.BreakingRules} holds
 * the classification in one place.
 */
package dev.twin.inference.diff;
