package dev.twin.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpmTarballTest {
    @Test
    void givenAPackage_whenPacked_thenTarListsItsFilesAndTheManifestNamesIt(@TempDir Path dir) throws Exception {
        NpmTarball tarball = NpmTarball.of("@corpus/greet", "1.2.3", "says hello");
        Path file = Files.write(dir.resolve(tarball.fileName()), tarball.bytes());

        Process list = new ProcessBuilder("tar", "-xzvf", file.toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        String listed = new String(list.getInputStream().readAllBytes());

        assertEquals(0, list.waitFor(), listed);
        assertEquals(List.of("package/package.json", "package/index.js"), listed.lines().toList());
        String manifest = Files.readString(dir.resolve("package/package.json"));
        assertTrue(manifest.contains("\"name\":\"@corpus/greet\""), manifest);
        assertEquals("greet-1.2.3.tgz", tarball.fileName());
    }

    @Test
    void givenTheSamePackageTwice_whenPacked_thenTheBytesAndChecksumsAreEqual() {
        NpmTarball first = NpmTarball.of("corpus-hello", "1.0.0", "hello");
        NpmTarball second = NpmTarball.of("corpus-hello", "1.0.0", "hello");

        assertArrayEquals(first.bytes(), second.bytes());
        assertEquals(40, first.shasum().length());
        assertTrue(first.integrity().startsWith("sha512-"), first.integrity());
    }
}
