package dev.twin.replayer.internal.generate;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.datafaker.Faker;

/** Strings matching a schema {@code pattern}, via datafaker's regexify, checked with java.util.regex. */
final class PatternFiller {

    private static final int ATTEMPTS = 4;

    /** One Faker per thread: creating one costs ~0.5 ms; reseeding its Random is free. */
    private static final ThreadLocal<SeededFaker> FAKERS = ThreadLocal.withInitial(SeededFaker::new);
    private static final Map<String, Optional<Pattern>> COMPILED = new ConcurrentHashMap<>();

    private PatternFiller() {
    }

    /** Whether {@code value} matches {@code regex} the JSON-Schema way (unanchored search); invalid regexes match. */
    static boolean matches(String regex, String value) {
        Optional<Pattern> pattern = COMPILED.computeIfAbsent(regex, PatternFiller::compile);
        return pattern.isEmpty() || pattern.get().matcher(value).find();
    }

    /** A string matching the pattern and the length bounds, or null when none was found. */
    static String fill(String regex, int minLength, int maxLength, Random random) {
        SeededFaker seeded = FAKERS.get();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            seeded.random.setSeed(random.nextLong());
            String candidate;
            try {
                candidate = seeded.faker.regexify(regex);
            } catch (RuntimeException unsupported) {
                return null;
            }
            int length = candidate.codePointCount(0, candidate.length());
            if (length >= minLength && length <= maxLength && matches(regex, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Optional<Pattern> compile(String regex) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException notJavaSyntax) {
            return Optional.empty();
        }
    }

    private static final class SeededFaker {
        final Random random = new Random(0);
        final Faker faker = new Faker(java.util.Locale.US, random);
    }
}
