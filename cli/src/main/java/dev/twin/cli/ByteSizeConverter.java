package dev.twin.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Sizes as users type them: {@code 512KB}, {@code 10MB}, {@code 1GB} (powers of 1024); a bare number is bytes. */
final class ByteSizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (text.endsWith("KB") || text.endsWith("MB") || text.endsWith("GB")) {
            unit = switch (text.charAt(text.length() - 2)) {
                case 'K' -> 1024L;
                case 'M' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("B")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            long number = Long.parseLong(text.trim());
            if (number < 0) {
                throw new TypeConversionException("'" + value + "' must not be negative");
            }
            return Math.multiplyExact(number, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a size (e.g. 512KB, 10MB)");
        }
    }
}
