package dev.twin.cli;

import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.admin.AdminAccess;

import java.nio.file.Files;
import java.nio.file.Path;

/** A running petstore twin, for tests of commands that talk to a live twin. */
final class SandboxedPetstore implements AutoCloseable {
    private final Twin twin;

    private SandboxedPetstore(Twin twin) {
        this.twin = twin;
    }

    /** @param dir an empty folder for the twin.yaml and its spec */
    static SandboxedPetstore start(Path dir) throws Exception {
        return start(dir, AdminAccess.OPEN_ON_LOOPBACK);
    }

    /** @param admin who may use the admin API */
    static SandboxedPetstore start(Path dir, AdminAccess admin) throws Exception {
        Files.copy(Path.of("..", "examples", "petstore", "petstore.yaml"), dir.resolve("petstore.yaml"));
        Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: petstore.yaml, as: petstore}\n");
        return new SandboxedPetstore(Twin.builder().config(dir.resolve("twin.yaml")).admin(admin).start());
    }

    String baseUrl() {
        return twin.baseUrl();
    }

    @Override
    public void close() {
        twin.close();
    }
}
