package dev.twin.recorder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only their owner can read: recordings, HAR exports, the CA. They are created with owner-only
 * permissions in the same system call that creates them (so no other user can open them in between), never widened
 * afterwards. The umask can only take bits away from 0600 / 0700, and what it took is given back to the owner at
 * once, which exposes nothing. On a file system without POSIX permissions (Windows) the platform default applies.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the file 0600 unless it exists already (then it is left as it is). */
    public static void createFileIfMissing(Path file) throws IOException {
        try {
            Files.createFile(file, attributes(file, OWNER_FILE));
            restore(file, OWNER_FILE);
        } catch (FileAlreadyExistsException exists) {
            // someone else's or an earlier run's file: its permissions are its owner's choice
        }
    }

    /** Creates the directory and missing parents; the directory itself 0700 (narrowed to 0700 when it existed). */
    public static void createDirectories(Path directory) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, attributes(directory.toAbsolutePath().getParent(), OWNER_DIRECTORY));
        } catch (FileAlreadyExistsException exists) {
            if (!Files.isDirectory(directory)) {
                throw exists;
            }
        }
        restore(directory, OWNER_DIRECTORY);
    }

    /**
     * Writes {@code file} through a temporary file created 0600 beside it, moved over {@code file} once {@code
     * content} succeeded: the result is 0600 even when {@code file} existed with other permissions, and a failed
     * write leaves no partial file behind.
     */
    public static <T> T write(Path file, Writer<T> content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(file.toString(), null, "directory " + directory + " does not exist");
        }
        Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", attributes(directory, OWNER_FILE));
        try {
            T result;
            try (OutputStream out = Files.newOutputStream(temp)) {
                result = content.writeTo(out);
            }
            restore(temp, OWNER_FILE);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What {@link #write} runs against the temporary file's stream. */
    @FunctionalInterface
    public interface Writer<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    public static boolean isPosix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path where, Set<PosixFilePermission> permissions) {
        return isPosix(where) ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** Gives the owner back bits a strict umask took; never adds a bit for anyone else. */
    private static void restore(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (isPosix(path) && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
