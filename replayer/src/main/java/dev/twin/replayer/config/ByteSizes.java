package dev.twin.replayer.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as twin.yaml writes them: {@code 65536}, {@code 512kb}, {@code 32mb}, {@code 1gb} (binary units). */
public final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(b|kb|mb|gb)?");

    private ByteSizes() {
    }

    /** Empty when {@code text} is not a positive size. */
    public static Optional<Long> parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit) {
            case "kb" -> 10;
            case "mb" -> 20;
            case "gb" -> 30;
            default -> 0;
        };
        if (amount <= 0 || amount > (Long.MAX_VALUE >> shift)) {
            return Optional.empty();
        }
        return Optional.of(amount << shift);
    }
}
