package dev.twin.replayer.internal.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches twin.yaml and the imported specs on a thread of its own and runs the reload action after a change.
 * Directories are watched (files may be replaced by editors); events for other files are ignored.
 */
final class ConfigWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConfigWatcher.class.getName());

    private final WatchService service;
    private final Runnable reload;
    private volatile Set<Path> files = Set.of();
    private final Set<Path> watchedDirectories = new HashSet<>();
    private final Thread thread;

    private ConfigWatcher(WatchService service, Runnable reload) {
        this.service = service;
        this.reload = reload;
        this.thread = new Thread(this::run, "twin-config-watcher");
        this.thread.setDaemon(true);
    }

    static ConfigWatcher start(List<Path> files, Runnable reload) {
        try {
            ConfigWatcher watcher = new ConfigWatcher(FileSystems.getDefault().newWatchService(), reload);
            watcher.watch(files);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the configuration", e);
        }
    }

    /** Replaces the set of watched files (imports may change on reload). */
    synchronized void watch(List<Path> paths) {
        Set<Path> absolute = new HashSet<>();
        for (Path path : paths) {
            Path file = path.toAbsolutePath().normalize();
            absolute.add(file);
            Path directory = file.getParent();
            if (watchedDirectories.add(directory)) {
                try {
                    directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot watch " + directory + ": " + e.getMessage());
                }
            }
        }
        files = Set.copyOf(absolute);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = relevant(key);
                // drain whatever else is already queued so one save triggers one reload
                WatchKey more;
                while ((more = service.poll()) != null) {
                    relevant |= relevant(more);
                }
                if (relevant) {
                    reload.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private boolean relevant(WatchKey key) {
        boolean relevant = false;
        Path directory = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name && files.contains(directory.resolve(name))) {
                relevant = true;
            } else if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
