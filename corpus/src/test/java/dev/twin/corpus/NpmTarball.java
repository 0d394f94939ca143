package dev.twin.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A package tarball as {@code npm pack} makes it: a gzipped tar of {@code package/package.json} and
 * {@code package/index.js}, with the checksums npm puts in a version's {@code dist}. The same name and version give
 * the same bytes (times are 0), so two runs of a flow publish identical tarballs.
 */
record NpmTarball(String name, String version, byte[] bytes) {
    static NpmTarball of(String name, String version, String description) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("package/package.json", Json.object("name", name, "version", version, "description", description,
                "main", "index.js"));
        files.put("package/index.js", "module.exports = () => 'hello from " + name + "';\n");
        return new NpmTarball(name, version, gzip(tar(files)));
    }

    /** {@code corpus-hello-1.0.0.tgz}, {@code greet-1.0.0.tgz} for {@code @corpus/greet}. */
    String fileName() {
        return name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
    }

    String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The SHA-1 npm calls {@code shasum}, in hex. */
    String shasum() {
        return HexFormat.of().formatHex(digest("SHA-1"));
    }

    /** The Subresource Integrity string npm calls {@code integrity}: {@code sha512-<base64>}. */
    String integrity() {
        return "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512"));
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no " + algorithm + " in this JVM", e);
        }
    }

    /** A POSIX ustar archive of regular files (mode 644, owner 0, time 0). */
    private static byte[] tar(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach((path, text) -> {
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(header(path, content.length));
            out.writeBytes(content);
            out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        });
        out.writeBytes(new byte[1024]); // two empty blocks end the archive
        return out.toByteArray();
    }

    private static byte[] header(String path, int size) {
        byte[] header = new byte[512];
        put(header, 0, path);
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", size));
        put(header, 136, "00000000000\0");
        put(header, 148, "        "); // the checksum counts its own field as spaces
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        int checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", checksum));
        return header;
    }

    private static void put(byte[] block, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, at, bytes.length);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
