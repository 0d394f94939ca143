package dev.twin.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script of twin's key layout (a resource beside this class): Redis runs each one atomically, which is how a
 * multi-step write lands whole or not at all. Run by its SHA-1 ({@code EVALSHA}).
 */
record RedisScript(String name, String text, String sha) {

    /** The script {@code name}.lua, after the functions of each library script (Redis has no include). */
    static RedisScript load(String name, String... libraries) {
        StringBuilder text = new StringBuilder();
        for (String library : libraries) {
            text.append(resource(library)).append('\n');
        }
        text.append(resource(name));
        try {
            return new RedisScript(name, text.toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream(name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
