package dev.twin.replayer.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The second thread of config loading: builds the expression and template engines and checks templates while the
 * main thread reads and binds the rest of twin.yaml (on two cores this halves that part of a start).
 */
final class ConfigThread {
    static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twin-config");
        thread.setDaemon(true);
        return thread;
    });

    private ConfigThread() {
    }
}
