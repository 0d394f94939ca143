package dev.twin.recorder.store;

import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.StoreWAL;
import org.mapdb.volume.MappedFileVol;
import org.mapdb.volume.RandomAccessFileVol;
import org.mapdb.volume.VolumeFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The open MapDB database of a store file and the lock that keeps other processes out. MapDB locks a writable file
 * itself; a read-only open takes a shared lock of its own, so a recorder and a reader also exclude each other.
 */
final class StoreFile implements AutoCloseable {
    /** DBMaker's default: log2 of its default concurrency scale, 8. */
    private static final int CONCURRENCY_SHIFT = 3;

    private final DB db;
    private final FileChannel readLockChannel;

    private StoreFile(DB db, FileChannel readLockChannel) {
        this.db = db;
        this.readLockChannel = readLockChannel;
    }

    static StoreFile openWritable(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException("store " + file + " is a directory, not a store file");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new StoreException("cannot create store " + file + ": directory " + parent + " does not exist");
        }
        return new StoreFile(make(file, () -> privateWalDb(file)), null);
    }

    /**
     * What {@code DBMaker.fileDB(file).fileMmapEnableIfSupported().transactionEnable().make()} builds, with
     * {@link PrivateVolumeFactory} in place of MapDB's own file factory so every file is created 0600. The arguments
     * are DBMaker's defaults, so stores written before and after open alike.
     */
    private static DB privateWalDb(Path file) {
        VolumeFactory files = supportsLargeMappedFiles()
                ? new MappedFileVol.MappedFileFactory(false, false) : RandomAccessFileVol.FACTORY;
        VolumeFactory factory = new PrivateVolumeFactory(files);
        String name = file.toString();
        boolean existed = factory.exists(name);
        StoreWAL store = StoreWAL.Companion.make(name, factory, 0L, true, CONCURRENCY_SHIFT, 0L, 0L, false, false,
                false, true, false);
        return new DB(store, existed, true, DB.class.getClassLoader(), 0);
    }

    /** The test behind {@code fileMmapEnableIfSupported} (package-private in MapDB): a 64-bit JVM, not Windows. */
    private static boolean supportsLargeMappedFiles() {
        return System.getProperty("os.arch", "").contains("64")
                && !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
    }

    static StoreFile openReadOnly(Path file) {
        FileChannel channel = sharedLock(file);
        try {
            return new StoreFile(make(file, DBMaker.fileDB(file.toFile()).fileMmapEnableIfSupported().transactionEnable()
                    .readOnly()::make), channel);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    DB db() {
        return db;
    }

    boolean readOnly() {
        return readLockChannel != null;
    }

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            closeQuietly(readLockChannel);
        }
    }

    private static DB make(Path file, Supplier<DB> maker) {
        try {
            return maker.get();
        } catch (DBException.FileLocked e) {
            throw inUse(file, e);
        } catch (UncheckedIOException e) {
            throw new StoreException("store " + file + " cannot be opened: " + describe(e), e);
        } catch (DBException | IllegalStateException | UnsupportedOperationException e) {
            throw new StoreException("store " + file + " is not a readable twin store: " + describe(e), e);
        }
    }

    private static FileChannel sharedLock(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                throw inUse(file, null);
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(file, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("store " + file + " cannot be opened: " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The most telling message in the cause chain (MapDB sometimes wraps I/O errors without one). */
    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }

    private static StoreInUseException inUse(Path file, Throwable cause) {
        return new StoreInUseException("store " + file + " is in use by another twin process", cause);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
