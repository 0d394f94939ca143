package dev.twin.recorder.store;

import dev.twin.recorder.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The exchanges appended to a store since its last commit, in a plain file beside it ({@code <store>.journal},
 * 0600), so that an exchange survives the process dying long before the next MapDB commit.
 *
 * <p>Why: a MapDB commit costs milliseconds (it writes, syncs and replays its log, creating and deleting files), so
 * committing before every answer would cap a proxy at a few hundred exchanges a second. Writing the encoded (already
 * redacted) exchanges of a batch to this file is one {@code write} call: once it returned, the bytes are in the
 * operating system's page cache, which a killed process cannot take with it. The store commits every commit
 * interval as before (fsync included, for power cuts) and then empties the journal; on the next writable open it
 * appends whatever the journal holds beyond its last committed id.
 *
 * <p>Record layout: {@code int length, long id, byte[length] exchange, int crc32c(id, exchange)}. A record cut short
 * (the process died inside a write) ends the journal. Not thread-safe: the store calls it under its own lock.
 */
final class ExchangeJournal implements AutoCloseable {
    private static final int HEADER = Integer.BYTES + Long.BYTES;
    /** Buffered records beyond this are written at once, so memory stays bounded between commits. */
    private static final int WRITE_AT = 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private ByteBuffer pending = ByteBuffer.allocate(64 * 1024);

    private ExchangeJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The journal of a store file: {@code twin.db} → {@code twin.db.journal}. */
    static Path beside(Path store) {
        return store.resolveSibling(store.getFileName() + ".journal");
    }

    /** Opens (creating 0600) the journal for appending after the records already in it. */
    static ExchangeJournal open(Path file) {
        try {
            PrivateFiles.createFileIfMissing(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            channel.position(channel.size());
            return new ExchangeJournal(file, channel);
        } catch (IOException e) {
            throw new StoreException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** One journalled exchange: its store id and its encoded bytes. */
    record Entry(long id, byte[] exchange) {
    }

    /** The whole records in the journal file, in order; none when it does not exist. */
    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new StoreException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
        while (bytes.remaining() >= HEADER + Integer.BYTES) {
            int length = bytes.getInt();
            long id = bytes.getLong();
            if (length < 0 || bytes.remaining() < length + Integer.BYTES) {
                break;
            }
            byte[] exchange = new byte[length];
            bytes.get(exchange);
            if (bytes.getInt() != crc(id, exchange)) {
                break;
            }
            entries.add(new Entry(id, exchange));
        }
        return entries;
    }

    static boolean hasRecords(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Buffers a record; {@link #write()} puts it in the file. */
    void add(long id, byte[] exchange) {
        int size = HEADER + exchange.length + Integer.BYTES;
        if (pending.remaining() < size) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + size));
            pending.flip();
            larger.put(pending);
            pending = larger;
        }
        pending.putInt(exchange.length).putLong(id).put(exchange).putInt(crc(id, exchange));
        if (pending.position() >= WRITE_AT) {
            write();
        }
    }

    /** Writes the buffered records; once this returns they survive the process being killed. */
    void write() {
        if (pending.position() == 0) {
            return;
        }
        pending.flip();
        try {
            while (pending.hasRemaining()) {
                channel.write(pending);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
        } finally {
            pending.clear();
        }
    }

    /** Forgets every record: they are committed to the store (or rolled back). */
    void clear() {
        pending.clear();
        try {
            channel.truncate(0);
            channel.position(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private static int crc(long id, byte[] exchange) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, id));
        crc.update(exchange);
        return (int) crc.getValue();
    }
}
