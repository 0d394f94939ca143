package dev.twin.replayer.internal.resource;

import com.github.curiousoddman.rgxgen.RgxGen;
import dev.twin.replayer.config.IdAlphabet;
import dev.twin.replayer.config.IdStrategy;
import dev.twin.replayer.config.IdType;
import io.swagger.v3.oas.models.media.Schema;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How new ids of a resource look, read from the id property: its {@code pattern} ({@code ^SM[0-9a-fA-F]{32}$}),
 * an integer type (1, 2, 3 … as numbers), {@code format: uuid}, else the id of the item's example (or of the body
 * generated for it: Stripe's {@code cus_} + 14 base62 characters), else its {@code maxLength}; a UUID when the
 * spec says nothing.
 *
 * @param prefix   prefix strategy: what every id starts with
 * @param length   prefix strategy: how many random characters follow
 * @param pattern  pattern strategy: the regex ids match (anchors removed)
 */
record IdShape(IdStrategy strategy, String prefix, int length, IdAlphabet alphabet, String pattern, IdType type) {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** {@code cus_NffrFeUfNV2Hib}, {@code sub_sched_1Mr3}: a prefix ending in an underscore, then the random part. */
    private static final Pattern PREFIXED = Pattern.compile("([A-Za-z0-9_]*_)([A-Za-z0-9]+)");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final int DEFAULT_LENGTH = 14;
    private static final int MAX_LENGTH = 64;

    static final IdShape UUIDS = new IdShape(IdStrategy.UUID, "", DEFAULT_LENGTH, IdAlphabet.BASE62, null,
            IdType.STRING);

    /**
     * @param idSchema  the id property's schema (resolved), or null when the item schema has none
     * @param exampleId the id in the item's example or generated body, or null
     */
    static IdShape of(Schema<?> idSchema, String exampleId) {
        if (idSchema != null) {
            String type = SchemaLookup.type(idSchema);
            if ("integer".equals(type) || "number".equals(type)) {
                return new IdShape(IdStrategy.SEQUENCE, "", DEFAULT_LENGTH, IdAlphabet.BASE62, null, IdType.INTEGER);
            }
            String pattern = generatable(idSchema.getPattern());
            if (pattern != null) {
                return new IdShape(IdStrategy.PATTERN, "", DEFAULT_LENGTH, IdAlphabet.BASE62, pattern, IdType.STRING);
            }
            if ("uuid".equalsIgnoreCase(idSchema.getFormat())) {
                return UUIDS;
            }
        }
        if (exampleId != null && !exampleId.isBlank()) {
            IdShape fromExample = fromExample(exampleId);
            if (fromExample != null) {
                return fromExample;
            }
        }
        Integer maxLength = idSchema == null ? null : idSchema.getMaxLength();
        if (maxLength != null && maxLength < 36) {
            int min = idSchema.getMinLength() == null ? 1 : idSchema.getMinLength();
            int length = Math.max(Math.min(maxLength, DEFAULT_LENGTH), Math.min(min, maxLength));
            return new IdShape(IdStrategy.PREFIX, "", Math.max(1, length), IdAlphabet.BASE62, null, IdType.STRING);
        }
        return UUIDS;
    }

    private static IdShape fromExample(String id) {
        if (UUID.matcher(id).matches()) {
            return UUIDS;
        }
        if (id.chars().allMatch(Character::isDigit) && id.length() < 19) {
            return new IdShape(IdStrategy.SEQUENCE, "", DEFAULT_LENGTH, IdAlphabet.BASE62, null, IdType.STRING);
        }
        Matcher prefixed = PREFIXED.matcher(id);
        if (prefixed.matches() && prefixed.group(2).length() <= MAX_LENGTH) {
            String random = prefixed.group(2);
            return new IdShape(IdStrategy.PREFIX, prefixed.group(1), random.length(), alphabetOf(random), null,
                    IdType.STRING);
        }
        if (id.matches("[A-Za-z0-9]{1," + MAX_LENGTH + "}")) {
            return new IdShape(IdStrategy.PREFIX, "", id.length(), alphabetOf(id), null, IdType.STRING);
        }
        return null;
    }

    /** The narrowest alphabet the example's characters fit (hex stays hex); base62 otherwise. */
    private static IdAlphabet alphabetOf(String random) {
        if (random.matches("[0-9]+")) {
            return IdAlphabet.DIGITS;
        }
        if (random.matches("[0-9a-f]+") && random.length() >= 8) {
            return IdAlphabet.LOWERHEX;
        }
        if (random.matches("[0-9A-F]+") && random.length() >= 8) {
            return IdAlphabet.UPPERHEX;
        }
        return IdAlphabet.BASE62;
    }

    /**
     * The pattern without its anchors when ids can be generated from it, else null: a pattern the generator
     * cannot read (lookarounds, back references), that allows the empty string or makes ids a URL would have to
     * escape ({@code [^/]+}) does not shape ids.
     */
    private static String generatable(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return null;
        }
        String bare = pattern;
        if (bare.startsWith("^")) {
            bare = bare.substring(1);
        }
        if (bare.endsWith("$") && !bare.endsWith("\\$")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        try {
            Pattern compiled = Pattern.compile(bare);
            RgxGen generator = RgxGen.parse(bare);
            for (int i = 0; i < 3; i++) {
                String sample = generator.generate(ThreadLocalRandom.current());
                if (sample.isEmpty() || sample.length() > 2 * MAX_LENGTH || !URL_SAFE.matcher(sample).matches()
                        || !compiled.matcher(sample).matches()) {
                    return null;
                }
            }
            return bare;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
