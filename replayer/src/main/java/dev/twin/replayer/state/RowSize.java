package dev.twin.replayer.state;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** How many bytes a row's data takes as compact UTF-8 JSON: what the byte quota counts. */
final class RowSize {
    private RowSize() {
    }

    static long of(Row row) {
        Counter counter = new Counter();
        try (JsonGenerator generator = StateCodec.JSON.getFactory().createGenerator(counter)) {
            StateCodec.JSON.writeTree(generator, row.storedData());
        } catch (IOException e) {
            throw new UncheckedIOException("counting bytes never does I/O", e);
        }
        return counter.bytes;
    }

    /** Counts what is written and keeps nothing. */
    private static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
