package dev.twin.redis;

import io.lettuce.core.ScriptOutputType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Group commit: commits sent while a call carrying commits is on its way to Redis wait, and go out together as one
 * call ({@code commits.lua}) once its reply came, so under load a replica makes far fewer calls than commits. Commits
 * go out in the order they were sent (a tenant's are sent under its lock, so in the order its transactions ran), one
 * call on its way at a time, over the one connection: Redis applies them in that order, each all or nothing on its
 * own, as separate {@code commit.lua} calls would have. Each commit's reply is its own.
 */
final class RedisCommits {
    static final RedisScript COMMIT = RedisScript.load("commit", "changes", "commit-one");
    static final RedisScript COMMITS = RedisScript.load("commits", "changes", "commit-one");

    private final Caller redis;
    private final String prefix;
    /** Commits waiting for the call on its way; guarded by this. */
    private final ArrayDeque<Queued> waiting = new ArrayDeque<>();
    /** Whether a call is on its way; guarded by this. */
    private boolean onItsWay;

    RedisCommits(RedisConnection redis, String prefix) {
        this((script, args) -> redis.send(script, ScriptOutputType.MULTI, args), prefix);
    }

    RedisCommits(Caller redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /** One script call, without waiting ({@link RedisConnection#send}). */
    @FunctionalInterface
    interface Caller {
        CompletionStage<List<Object>> send(RedisScript script, String[] args);
    }

    private record Queued(String[] args, CompletableFuture<List<Object>> reply) {
    }

    /**
     * Sends a commit ({@code commit.lua}'s arguments after the prefix), at once or with the next call; never blocks.
     * The reply completes on Lettuce's thread, or fails as {@link RedisConnection#send} fails.
     */
    CompletionStage<List<Object>> send(String[] args) {
        Queued commit = new Queued(args, new CompletableFuture<>());
        synchronized (this) {
            if (onItsWay) {
                waiting.add(commit);
                return commit.reply;
            }
            onItsWay = true;
        }
        call(List.of(commit));
        return commit.reply;
    }

    /**
     * Sends one call; its reply sends the commits that waited meanwhile. Calls leave in order without this lock held
     * while Lettuce encodes and writes one: only the thread that set {@code onItsWay}, or the reply of the call before,
     * sends the next. (Holding it there made every request thread with a commit to send wait for Lettuce's write,
     * under its tenant's lock.)
     */
    private void call(List<Queued> commits) {
        CompletionStage<List<Object>> sent;
        if (commits.size() == 1) {
            String[] args = commits.get(0).args;
            String[] all = new String[args.length + 1];
            all[0] = prefix;
            System.arraycopy(args, 0, all, 1, args.length);
            sent = redis.send(COMMIT, all).thenApply(reply -> List.<Object>of(reply));
        } else {
            int size = 2;
            for (Queued commit : commits) {
                size += commit.args.length + 1;
            }
            String[] all = new String[size];
            all[0] = prefix;
            all[1] = Integer.toString(commits.size());
            int at = 2;
            for (Queued commit : commits) {
                all[at++] = Integer.toString(commit.args.length);
                System.arraycopy(commit.args, 0, all, at, commit.args.length);
                at += commit.args.length;
            }
            sent = redis.send(COMMITS, all);
        }
        sent.whenComplete((replies, failure) -> {
            List<Queued> next = null;
            synchronized (this) { // the commits that waited go out first, then this call's are answered
                if (waiting.isEmpty()) {
                    onItsWay = false;
                } else {
                    next = new ArrayList<>(waiting);
                    waiting.clear();
                }
            }
            if (next != null) {
                call(next);
            }
            for (int i = 0; i < commits.size(); i++) {
                if (failure != null) {
                    commits.get(i).reply.completeExceptionally(failure);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Object> reply = (List<Object>) replies.get(i);
                    commits.get(i).reply.complete(reply);
                }
            }
        });
    }
}
