package dev.twin.replayer.internal.spec;

import dev.twin.replayer.internal.startup.CacheEncoding;
import dev.twin.replayer.internal.startup.StartupCache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SpecIndex} of a large spec, stored so that a later launch skips the pass over the whole document.
 * Every byte range read back is checked against the spec's length: an entry that does not fit is a miss.
 */
public final class SpecIndexCache {
    private static final String KIND = "index";

    private SpecIndexCache() {
    }

    /** The stored index of {@code spec}, empty when absent, stale, corrupt or not framing the spec's objects. */
    public static Optional<SpecIndex> read(StartupCache cache, String key, byte[] spec) {
        return cache.read(key, KIND).flatMap(in -> {
            try {
                SpecIndex index = readIndex(in, spec.length);
                return framesObjects(index, spec) ? Optional.of(index) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Every operation and component range starts with '{' and ends with '}': a cheap check the index fits. */
    private static boolean framesObjects(SpecIndex index, byte[] spec) {
        for (SpecIndex.PathEntry path : index.paths()) {
            for (SpecIndex.OperationEntry operation : path.operations()) {
                if (!framesObject(operation.range(), spec)) {
                    return false;
                }
            }
        }
        for (Map<String, ByteRange> section : index.components().values()) {
            for (ByteRange range : section.values()) {
                if (!framesObject(range, spec)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean framesObject(ByteRange range, byte[] spec) {
        return spec[range.offset()] == '{' && spec[range.offset() + range.length() - 1] == '}';
    }

    public static void write(StartupCache cache, String key, SpecIndex index) {
        cache.write(key, KIND, out -> writeIndex(out, index));
    }

    private static void writeIndex(DataOutputStream out, SpecIndex index) throws IOException {
        CacheEncoding.writeNullable(out, index.version());
        CacheEncoding.writeNullable(out, index.serverUrl());
        out.writeInt(index.paths().size());
        for (SpecIndex.PathEntry path : index.paths()) {
            out.writeUTF(path.path());
            writeRange(out, path.parameters());
            out.writeInt(path.operations().size());
            for (SpecIndex.OperationEntry operation : path.operations()) {
                out.writeUTF(operation.method());
                CacheEncoding.writeNullable(out, operation.operationId());
                writeRange(out, operation.range());
            }
        }
        out.writeInt(index.components().size());
        for (Map.Entry<String, Map<String, ByteRange>> section : index.components().entrySet()) {
            out.writeUTF(section.getKey());
            out.writeInt(section.getValue().size());
            for (Map.Entry<String, ByteRange> component : section.getValue().entrySet()) {
                out.writeUTF(component.getKey());
                writeRange(out, component.getValue());
            }
        }
        writeRange(out, index.security());
        out.writeInt(-1); // end marker: a truncated file cannot pass for a complete one
    }

    private static SpecIndex readIndex(DataInputStream in, int specLength) throws IOException {
        String version = CacheEncoding.readNullable(in);
        String serverUrl = CacheEncoding.readNullable(in);
        int pathCount = CacheEncoding.count(in, 1_000_000);
        List<SpecIndex.PathEntry> paths = new ArrayList<>(pathCount);
        for (int p = 0; p < pathCount; p++) {
            String path = in.readUTF();
            ByteRange parameters = readRange(in, specLength);
            int operationCount = CacheEncoding.count(in, 1_000_000);
            List<SpecIndex.OperationEntry> operations = new ArrayList<>(operationCount);
            for (int o = 0; o < operationCount; o++) {
                operations.add(new SpecIndex.OperationEntry(in.readUTF(), CacheEncoding.readNullable(in),
                        requireRange(readRange(in, specLength))));
            }
            paths.add(new SpecIndex.PathEntry(path, operations, parameters));
        }
        int sectionCount = CacheEncoding.count(in, 1_000_000);
        Map<String, Map<String, ByteRange>> components = new LinkedHashMap<>();
        for (int s = 0; s < sectionCount; s++) {
            String section = in.readUTF();
            int componentCount = CacheEncoding.count(in, 1_000_000);
            Map<String, ByteRange> entries = new LinkedHashMap<>();
            for (int c = 0; c < componentCount; c++) {
                entries.put(in.readUTF(), requireRange(readRange(in, specLength)));
            }
            components.put(section, entries);
        }
        ByteRange security = readRange(in, specLength);
        if (in.readInt() != -1 || version == null) {
            throw new IOException("corrupt index entry");
        }
        return new SpecIndex(version, serverUrl, paths, components, security);
    }

    private static void writeRange(DataOutputStream out, ByteRange range) throws IOException {
        out.writeInt(range == null ? -1 : range.offset());
        out.writeInt(range == null ? -1 : range.length());
    }

    private static ByteRange readRange(DataInputStream in, int specLength) throws IOException {
        int offset = in.readInt();
        int length = in.readInt();
        if (offset == -1 && length == -1) {
            return null;
        }
        if (offset < 0 || length <= 0 || (long) offset + length > specLength) {
            throw new IOException("byte range outside the spec");
        }
        return new ByteRange(offset, length);
    }

    private static ByteRange requireRange(ByteRange range) throws IOException {
        if (range == null) {
            throw new IOException("missing byte range");
        }
        return range;
    }
}
