/**
 * Rate limits ({@code rateLimits:}): token buckets per tenant and operation group on an injectable clock
 * ({@link dev.twin.replayer.internal.ratelimit.RateLimiter}), answered with the provider's 429, {@code Retry-After} and the
 * configured {@code X-RateLimit-*} headers ({@link dev.twin.replayer.internal.ratelimit.RateLimitResponder}).
 */
package dev.twin.replayer.internal.ratelimit;
