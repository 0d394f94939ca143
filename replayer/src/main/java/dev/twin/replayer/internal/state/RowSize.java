package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** How many bytes a row's data takes as compact UTF-8 JSON: what the byte quota counts. */
final class RowSize {
    private RowSize() {
    }

    /** Counted once per row, which keeps the count. */
    static long of(Row row) {
        return row.jsonSize();
    }

    static long count(ObjectNode data) {
        Counter counter = new Counter();
        try (JsonGenerator generator = StateCodec.JSON.getFactory().createGenerator(counter)) {
            StateCodec.JSON.writeTree(generator, data);
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
