/**
 * A twin's state in Redis ({@code state: redis://host:6379}), so that several replicas of {@code twin serve}
 * behind a load balancer share one sandbox: {@link dev.twin.redis.RedisStateProvider} opens it for the replayer's
 * {@code SharedState}; the key layout, its version and the Lua scripts that keep multi-step writes atomic are
 * described in docs/redis.md.
 */
package dev.twin.redis;
