/**
 * Regular expressions that twin.yaml, a spec or a request supplies, matched with a step budget: a pattern that
 * backtracks catastrophically ({@code (a+)+b} against a long run of {@code a}) stops with
 * {@link dev.twin.replayer.internal.regex.RegexBudgetExceeded} after a bounded number of steps instead of holding a core.
 */
package dev.twin.replayer.internal.regex;
