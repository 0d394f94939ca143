package dev.twin.replayer.internal.startup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What the entries of the start-up cache share in how they are written: strings that may be null, counts and byte
 * blocks, read back only within plausible bounds, so that a corrupt entry throws (and reads as a miss) instead of
 * allocating what its garbage says.
 */
public final class CacheEncoding {
    private CacheEncoding() {
    }

    public static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    public static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** A count written with {@code writeInt}, refused when negative or above {@code max}. */
    public static int count(DataInputStream in, int max) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw new IOException("implausible count " + count);
        }
        return count;
    }

    /** A block of bytes, or null. */
    public static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    /** A block {@link #writeBytes} wrote, refused when longer than {@code max}. */
    public static byte[] readBytes(DataInputStream in, int max) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > max) {
            throw new IOException("implausible length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
