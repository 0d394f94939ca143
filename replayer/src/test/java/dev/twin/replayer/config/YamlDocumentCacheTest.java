package dev.twin.replayer.config;

import dev.twin.replayer.internal.startup.StartupCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A twin.yaml's parsed tree kept in the start-up cache reads back exactly as parsed, and is never trusted blindly. */
class YamlDocumentCacheTest {
    private static final String NUMBERS = String.join("\n",
            "version: 1",
            "imports: [{path: spec.yaml, as: api}]",
            "numbers: {int: 7, long: 9007199254740993, big: 123456789012345678901234567890, decimal: 0.25,",
            "          exponent: 1.5e3, negative: -4, yes: true, no: false, nothing: null, off: off, quoted: '42'}",
            "text: |",
            "  a block scalar",
            "  over two lines",
            "unicode: \"caf\u00e9 \u2603\"",
            "list: [1, [2, {three: 3}], []]",
            "empty: {}");

    @TempDir
    Path home;

    @Test
    void givenEveryExampleConfig_whenEncodedAndDecoded_thenTreeLocationsAndScalarTextsAreUnchanged() throws Exception {
        List<Path> configs;
        try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
            configs = examples.map(dir -> dir.resolve("twin.yaml")).filter(Files::isRegularFile).toList();
        }
        assertTrue(configs.size() >= 3, "the examples: " + configs);
        for (Path config : configs) {
            assertRoundTrip(config, Files.readString(config));
        }
    }

    @Test
    void givenEveryKindOfScalar_whenEncodedAndDecoded_thenNodeTypesAreKept() throws Exception {
        YamlDocument decoded = assertRoundTrip(Path.of("twin.yaml"), NUMBERS);
        assertTrue(decoded.root().at("/numbers/int").isInt());
        assertTrue(decoded.root().at("/numbers/long").isLong());
        assertTrue(decoded.root().at("/numbers/big").isBigInteger());
        assertTrue(decoded.root().at("/numbers/decimal").isBigDecimal());
        assertEquals("off", decoded.sourceMap().scalarText("/numbers/off"));
    }

    @Test
    void givenAnEntryWrittenByAnEarlierLoad_whenTheSameTextLoadsAgain_thenTheTreeComesFromTheCache() throws Exception {
        StartupCache cache = StartupCache.at(home.resolve("cache"));
        String text = "version: 1\nimports: [{path: spec.yaml, as: api}]\nserver: {port: 4300}\n";
        YamlDocument first = YamlDocumentCache.read(cache, Path.of("twin.yaml"), text);
        awaitWrites();
        assertEquals(4300, first.root().at("/server/port").intValue());
        String key = cache.keyOf(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(home.resolve("cache").resolve(key + ".config")));

        // an entry for the same text that says something else proves the second read took the cached tree
        YamlDocument forged = YamlTreeReader.read(Path.of("twin.yaml"), text.replace("4300", "4301"));
        cache.write(key, "config", out -> YamlDocumentCache.encode(out, forged));
        awaitWrites();
        YamlDocument second = YamlDocumentCache.read(cache, Path.of("elsewhere/twin.yaml"), text);
        assertEquals(4301, second.root().at("/server/port").intValue());
        assertEquals(new SourceLocation(Path.of("elsewhere/twin.yaml"), 3, 16), second.sourceMap().locate("/server/port"),
                "locations name the file as this load does");
    }

    @Test
    void givenAConfigWithProblems_whenRead_thenNothingIsCached() throws Exception {
        StartupCache cache = StartupCache.at(home.resolve("cache"));
        String text = "version: 1\nversion: 2\n";
        YamlDocument document = YamlDocumentCache.read(cache, Path.of("twin.yaml"), text);
        awaitWrites();
        assertFalse(document.problems().isEmpty(), "a duplicate key is a problem");
        assertFalse(Files.exists(home.resolve("cache")), "no entry for a document with problems");
    }

    @Test
    void givenATruncatedOrCorruptPayload_whenDecoded_thenItIsAMiss() throws Exception {
        byte[] good = encode(YamlTreeReader.read(Path.of("twin.yaml"), NUMBERS));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] corrupt = good.clone();
        corrupt[0] = (byte) 0x7f; // no such node tag
        byte[] hugeString = good.clone();
        hugeString[5] = (byte) 0x7f; // the first key's length now claims ~2 GB
        for (byte[] bad : List.of(truncated, corrupt, hugeString)) {
            assertTrue(YamlDocumentCache.decode(new DataInputStream(new ByteArrayInputStream(bad)),
                    Path.of("twin.yaml")).isEmpty());
        }
    }

    private static YamlDocument assertRoundTrip(Path file, String text) throws Exception {
        YamlDocument parsed = YamlTreeReader.read(file, text);
        assertTrue(parsed.problems().isEmpty(), file + ": " + parsed.problems());
        YamlDocument decoded = YamlDocumentCache.decode(
                new DataInputStream(new ByteArrayInputStream(encode(parsed))), file).orElseThrow();
        assertEquals(parsed.root(), decoded.root(), file + ": tree");
        assertEquals(parsed.sourceMap().values(), decoded.sourceMap().values(), file + ": value locations");
        assertEquals(parsed.sourceMap().keys(), decoded.sourceMap().keys(), file + ": key locations");
        assertEquals(parsed.sourceMap().scalarTexts(), decoded.sourceMap().scalarTexts(), file + ": scalar texts");
        return decoded;
    }

    private static byte[] encode(YamlDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        YamlDocumentCache.encode(new DataOutputStream(bytes), document);
        return bytes.toByteArray();
    }

    private static void awaitWrites() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        StartupCache.afterPendingWrites(done::countDown);
        assertTrue(done.await(30, TimeUnit.SECONDS), "the cache writer finished");
    }
}
