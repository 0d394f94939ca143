package dev.twin.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code corpus/<api>/verify-floor.txt} (test resources): the lowest {@code twin verify} score the API's twin may
 * reach, today's score rounded down to two decimals; raise it when inference improves. Lines starting with
 * {@code #} are comments.
 */
final class VerifyFloor {
    private VerifyFloor() {
    }

    static String file(String api) {
        return "corpus/" + api + "/verify-floor.txt";
    }

    static double load(String api) {
        try (InputStream in = VerifyFloor.class.getClassLoader().getResourceAsStream(file(api))) {
            if (in == null) {
                throw new IllegalStateException("no " + file(api) + " in corpus/src/test/resources: write today's "
                        + "verify score there, rounded down to two decimals");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    return Double.parseDouble(text);
                }
            }
            throw new IllegalStateException(file(api) + " holds no score");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
