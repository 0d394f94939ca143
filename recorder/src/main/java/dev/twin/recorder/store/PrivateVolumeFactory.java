package dev.twin.recorder.store;

import dev.twin.recorder.PrivateFiles;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * MapDB's file factory, except that every file it creates (the store, and each write-ahead log file MapDB opens and
 * deletes as it goes) is first created 0600 by {@link PrivateFiles}. MapDB itself creates files with the process
 * umask (often 0644), and it names no hook for permissions; its log files come and go during recording, so they
 * cannot be prepared once up front.
 */
final class PrivateVolumeFactory extends VolumeFactory {
    private final VolumeFactory files;

    PrivateVolumeFactory(VolumeFactory files) {
        this.files = files;
    }

    @Override
    public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
                             boolean fixedSize) {
        if (!readOnly && file != null) {
            try {
                PrivateFiles.createFileIfMissing(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
            }
        }
        return files.makeVolume(file, readOnly, fileLockWait, sliceShift, initSize, fixedSize);
    }

    @Override
    public boolean exists(String file) {
        return files.exists(file);
    }

    @Override
    public boolean handlesReadonly() {
        return files.handlesReadonly();
    }
}
