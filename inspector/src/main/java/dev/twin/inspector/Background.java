package dev.twin.inspector;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Where the inspector's slow admin work runs (files, the recording store, inference): never on an event loop.
 * Daemon threads, so a forgotten task never keeps a JVM alive.
 */
public final class Background {
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "twin-inspector");
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    public static <T> CompletableFuture<T> run(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, EXECUTOR);
    }

    public static ExecutorService executor() {
        return EXECUTOR;
    }
}
