package dev.twin.redis;

import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.state.LoopAnswer;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.StateHealth;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One connection to Redis, shared by every thread of the twin (Lettuce pipelines their commands over it), and the
 * one place Redis failures become twin's: a command that cannot reach Redis within the timeout, or while the
 * connection is down (it is not queued: it fails at once), is a {@link StateException} of kind {@code UNAVAILABLE}
 * (answered 503); Lettuce reconnects by itself, every 50 ms to 1 s.
 */
final class RedisConnection implements AutoCloseable {
    private static final String[] NO_KEYS = new String[0];
    /** Errors Redis answers while it cannot serve (loading, busy script, disk, replica, full), not bugs of twin. */
    private static final List<String> UNAVAILABLE_ERRORS = List.of("LOADING", "BUSY", "MISCONF", "READONLY",
            "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "OOM");

    private final RedisLocation location;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> commands;
    private final RedisAsyncCommands<String, String> async;

    private RedisConnection(RedisLocation location) {
        this.location = location;
        this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, location.uri());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().timeoutSource(new WaitingCallsOnly(location.timeout()))
                        .build())
                .socketOptions(SocketOptions.builder().connectTimeout(location.uri().getTimeout()).build())
                .sslOptions(RedisTls.options(location))
                .build());
        try {
            this.connection = client.connect(ExactUtf8Codec.INSTANCE);
        } catch (RedisException e) {
            close(client, resources);
            String untrusted = RedisTls.untrusted(location, e);
            if (untrusted != null) {
                throw new UncheckedIOException(new IOException(untrusted, e));
            }
            String reason = reason(e);
            boolean refused = reason.contains("WRONGPASS") || reason.contains("NOAUTH");
            throw new UncheckedIOException(new IOException((refused ? "the state store " + location.shown()
                    + " refused the user or password in the URL: " : "cannot reach the state store "
                    + location.shown() + ": ") + reason, e));
        }
        this.commands = connection.sync();
        this.async = connection.async();
    }

    /** @throws UncheckedIOException when Redis cannot be reached */
    static RedisConnection open(RedisLocation location) {
        return new RedisConnection(location);
    }

    RedisLocation location() {
        return location;
    }

    /** Runs commands; Redis being away is a {@link StateException} UNAVAILABLE. */
    <T> T call(Function<RedisCommands<String, String>, T> work) {
        LoopAnswer.beforeWait(); // a request on an event loop goes to a worker for this
        try {
            return work.apply(commands);
        } catch (RedisCommandExecutionException e) {
            if (isUnavailable(e)) {
                throw unavailable(e);
            }
            throw new IllegalStateException("Redis refused a command of twin's: " + e.getMessage(), e);
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /** Runs a script (loaded once; again after a Redis restart emptied its script cache). */
    @SuppressWarnings("unchecked")
    <T> T run(RedisScript script, ScriptOutputType type, String... args) {
        return call(redis -> {
            try {
                return (T) redis.evalsha(script.sha(), type, NO_KEYS, args);
            } catch (RedisNoScriptException e) {
                return (T) redis.eval(script.text(), type, NO_KEYS, args);
            }
        });
    }

    /**
     * Sends a script without waiting for its reply (loaded again, after the reply, when a Redis restart emptied its
     * script cache). Commands of every thread go out over the one connection in the order they are sent, and Redis
     * runs them in that order. The stage completes on Lettuce's I/O thread: whatever follows it must not wait for
     * Redis. Redis being away fails it with a {@link StateException} UNAVAILABLE.
     */
    @SuppressWarnings("unchecked")
    <T> CompletionStage<T> send(RedisScript script, ScriptOutputType type, String... args) {
        CompletableFuture<T> sent;
        try {
            sent = WaitingCallsOnly.untimed(() -> (CompletionStage<T>) async.evalsha(script.sha(), type, NO_KEYS, args))
                    .exceptionallyCompose(failure -> cause(failure) instanceof RedisNoScriptException
                            ? WaitingCallsOnly.untimed(() -> (CompletionStage<T>) async.eval(script.text(), type,
                                    NO_KEYS, args))
                            : CompletableFuture.failedStage(failure))
                    .toCompletableFuture();
        } catch (RedisException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.orTimeout(location.timeout().toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedStage(twins(cause(failure))));
    }

    /**
     * The command timeout for every command but those {@link #send} hands to Lettuce, which it times itself. Lettuce's
     * timer holds each command it times (with its arguments: a commit's rows and events) until the timer's next tick
     * after the reply, up to 100 ms: under load, megabytes a second that outlive a young collection and fill the old
     * generation. {@link CompletableFuture#orTimeout}'s scheduler drops a timeout the moment its future completes.
     */
    private static final class WaitingCallsOnly extends TimeoutOptions.TimeoutSource {
        /** Set while {@link #send} dispatches: Lettuce asks for the timeout on the thread that dispatches. */
        private static final ThreadLocal<Boolean> SENDING = ThreadLocal.withInitial(() -> false);
        private final long millis;

        WaitingCallsOnly(Duration timeout) {
            this.millis = timeout.toMillis();
        }

        static <T> CompletionStage<T> untimed(Supplier<CompletionStage<T>> dispatch) {
            SENDING.set(true);
            try {
                return dispatch.get();
            } finally {
                SENDING.set(false);
            }
        }

        @Override
        public long getTimeout(io.lettuce.core.protocol.RedisCommand<?, ?, ?> command) {
            return SENDING.get() ? -1 : millis; // -1: Lettuce sets no timer
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.MILLISECONDS;
        }
    }

    /** Sets a key unless it exists, without waiting (for work that follows a reply on Lettuce's thread). */
    CompletionStage<String> sendSetIfAbsent(String key, String value) {
        return async.set(key, value, io.lettuce.core.SetArgs.Builder.nx());
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * A failure of an asynchronous command as {@link #call} throws it. Unlike the synchronous API, Lettuce fails an
     * asynchronous command with the connection's own error as it is (a reset connection's {@code IOException}, a
     * cancellation): anything but Redis refusing the command is Redis being away.
     */
    private RuntimeException twins(Throwable failure) {
        if (failure instanceof RedisCommandExecutionException e && !isUnavailable(e)) {
            return new IllegalStateException("Redis refused a command of twin's: " + e.getMessage(), e);
        }
        if (failure instanceof TimeoutException) {
            return unavailable(new TimeoutException("no answer within " + location.timeout().toMillis() + " ms"));
        }
        return unavailable(failure);
    }

    StateHealth health() {
        long start = System.nanoTime();
        try {
            call(RedisCommands::ping);
            return new StateHealth("redis", location.toString(), true, (System.nanoTime() - start) / 1e6, null);
        } catch (RuntimeException e) {
            return new StateHealth("redis", location.toString(), false, 0, e.getMessage());
        }
    }

    private StateException unavailable(Throwable e) {
        String reason = reason(e);
        return new StateException(ErrorKind.UNAVAILABLE, "The sandbox's state store (" + location.shown()
                + ") cannot be reached: " + (reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason)
                + ". Nothing of this request was applied; try again shortly.");
    }

    private static boolean isUnavailable(RedisCommandExecutionException e) {
        String message = String.valueOf(e.getMessage());
        return UNAVAILABLE_ERRORS.stream().anyMatch(message::startsWith);
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return cause == e ? message : e.getMessage() + " (" + message + ")";
    }

    @Override
    public void close() {
        connection.close();
        close(client, resources);
    }

    private static void close(RedisClient client, ClientResources resources) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
