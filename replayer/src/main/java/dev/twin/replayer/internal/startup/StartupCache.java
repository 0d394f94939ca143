package dev.twin.replayer.internal.startup;

import dev.twin.recorder.TwinHome;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * One directory of cache entries ({@code <twin home>/cache/serve/} by default). An entry is a file named after
 * the spec's content checksum; its header repeats the hash, the entry kind and the build stamp of the twin that wrote
 * it, and anything that does not match (another build, a truncated or corrupt file) reads as a miss. Entries are
 * written to a temporary file and moved into place on one background thread, so readers never see half a file
 * and the caller never waits for the disk.
 */
public final class StartupCache {
    /** Specs smaller than this index in a few milliseconds: not worth a file. */
    public static final int MIN_SPEC_BYTES = 256 * 1024;

    /** A cache that never hits and never writes. */
    public static final StartupCache DISABLED = new StartupCache(null);

    private static final System.Logger LOG = System.getLogger(StartupCache.class.getName());
    private static final int MAGIC = 0x7477696e; // "twin"
    private static final int FORMAT = 1;
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twin-cache-writer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    private final Path directory;

    private StartupCache(Path directory) {
        this.directory = directory;
    }

    public static StartupCache at(Path directory) {
        return new StartupCache(directory);
    }

    /**
     * The cache {@code twin serve} uses: {@code <twin home>/cache/serve}, where the twin home is the system
     * property {@code twin.home}, else {@code TWIN_HOME}, else {@code ~/.twin} (as for the proxy's CA).
     * Disabled by {@code -Dtwin.cache=off} or {@code TWIN_CACHE=off}.
     */
    public static StartupCache shared() {
        if ("off".equalsIgnoreCase(System.getProperty("twin.cache", System.getenv("TWIN_CACHE")))) {
            return DISABLED;
        }
        return at(TwinHome.directory().resolve("cache").resolve("serve"));
    }

    public boolean enabled() {
        return directory != null;
    }

    /** Whether an earlier launch left entries here, i.e. this launch will likely answer its first requests from them. */
    public boolean hasEntries() {
        if (!enabled()) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The key of the entries derived from {@code content} (null when the cache is disabled): its length and two
     * checksums (CRC-32 and Adler-32, both native even before the JIT warms up: a SHA-256 of 5 MB costs an
     * interpreted start-up about 100 ms). Readers of spec entries also check that every cached byte range still
     * frames a JSON object.
     */
    public String keyOf(byte[] content) {
        return enabled() ? checksum(content) : null;
    }

    /** {@link #keyOf}'s value whether or not the cache is enabled: what names a version of a file in memory too. */
    public static String checksum(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        Adler32 adler = new Adler32();
        adler.update(content);
        return String.format("%08x%08x-%x", crc.getValue(), adler.getValue(), content.length);
    }

    /** The payload of entry {@code key}.{@code kind}, empty when absent, stale or unreadable. */
    public Optional<DataInputStream> read(String key, String kind) {
        if (!enabled() || key == null) {
            return Optional.empty();
        }
        Path file = directory.resolve(key + "." + kind);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(key)
                    || !in.readUTF().equals(kind) || !in.readUTF().equals(BuildStamp.VALUE)) {
                return Optional.empty();
            }
            return Optional.of(in);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring unreadable cache entry " + file + ": " + e);
            return Optional.empty();
        }
    }

    /** A payload for {@link #write}. */
    @FunctionalInterface
    public interface Payload {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /** One entry to write. */
    public record Entry(String key, String kind, Payload payload) {
    }

    /** Writes entry {@code key}.{@code kind} on the background writer; failures are logged, never thrown. */
    public void write(String key, String kind, Payload payload) {
        Entry entry = new Entry(key, kind, payload);
        write(() -> entry);
    }

    /**
     * Runs {@code work} on the background writer, then writes the entry it returns (none for null). Work that
     * fails is logged and dropped: the cache is only ever a shortcut.
     */
    public void write(Supplier<Entry> work) {
        if (!enabled()) {
            return;
        }
        WRITER.execute(() -> {
            Entry entry;
            try {
                entry = work.get();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "start-up cache work failed: " + e);
                return;
            }
            if (entry != null && entry.key() != null) {
                writeNow(entry);
            }
        });
    }

    /**
     * Writes entry {@code key}.{@code kind} before returning, for a small entry that must outlive a process about
     * to exit (a refused spec's verdict); failures are logged, never thrown.
     */
    public void writeNow(String key, String kind, Payload payload) {
        if (enabled() && key != null) {
            writeNow(new Entry(key, kind, payload));
        }
    }

    private void writeNow(Entry entry) {
        Path file = directory.resolve(entry.key() + "." + entry.kind());
        Path temp = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(entry.key());
            out.writeUTF(entry.kind());
            out.writeUTF(BuildStamp.VALUE);
            entry.payload().writeTo(out);
            out.flush();
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, entry.key(), ".tmp");
            Files.write(temp, bytes.toByteArray());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not write the start-up cache " + file + ": " + e);
            deleteQuietly(temp);
        }
    }

    /** Runs after every write submitted so far (tests wait on it instead of sleeping). */
    public static void afterPendingWrites(Runnable action) {
        WRITER.execute(action);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    /**
     * Which build of twin wrote an entry: the size and modification time of the jar (or class directory) this
     * class was loaded from. Generated bodies depend on twin's code and libraries, so a rebuilt twin starts over.
     */
    private static final class BuildStamp {
        static final String VALUE = compute();

        private static String compute() {
            try {
                Path source = Path.of(StartupCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return Files.size(source) + "-" + Files.getLastModifiedTime(source).toMillis();
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return "unknown-" + System.nanoTime(); // never matches: no cache rather than a wrong one
            }
        }
    }
}
