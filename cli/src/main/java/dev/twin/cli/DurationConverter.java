package dev.twin.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as users type them: {@code 500ms}, {@code 30s}, {@code 2m}; a bare number means seconds. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2))), value);
            }
            if (text.endsWith("s")) {
                return positive(Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1))), value);
            }
            if (text.endsWith("m")) {
                return positive(Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1))), value);
            }
            return positive(Duration.ofSeconds(Long.parseLong(text)), value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 30s, 2m)");
        }
    }

    private static Duration positive(Duration duration, String value) {
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' must be longer than zero");
        }
        return duration;
    }
}
