package dev.twin.replayer.internal.generate;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/** Integers and numbers within minimum/maximum (inclusive or exclusive, 3.0 and 3.1 style) and multipleOf. */
final class NumberGenerator {

    private static final BigDecimal DEFAULT_SPAN = BigDecimal.valueOf(100);
    private static final int NUMBER_SCALE = 2;

    private NumberGenerator() {
    }

    static BigDecimal integer(Schema<?> schema, String propertyName, Random random) {
        Bounds bounds = Bounds.of(schema, true);
        Long hint = ValueFaker.integer(propertyName, random);
        if (hint == null && "unix-time".equals(schema.getFormat())) {
            hint = ValueFaker.timestamp(random);
        }
        if (hint != null && bounds.admits(BigDecimal.valueOf(hint), schema.getMultipleOf())) {
            return BigDecimal.valueOf(hint);
        }
        return pick(bounds, schema.getMultipleOf(), true, random);
    }

    static BigDecimal number(Schema<?> schema, String propertyName, Random random) {
        Bounds bounds = Bounds.of(schema, false);
        Long hint = ValueFaker.integer(propertyName, random);
        if (hint != null) {
            BigDecimal value = BigDecimal.valueOf(hint).setScale(NUMBER_SCALE);
            if (bounds.admits(value, schema.getMultipleOf())) {
                return value;
            }
        }
        return pick(bounds, schema.getMultipleOf(), false, random);
    }

    private static BigDecimal pick(Bounds bounds, BigDecimal multipleOf, boolean integral, Random random) {
        BigDecimal low;
        if (bounds.low != null) {
            low = bounds.low;
        } else if (bounds.high != null && bounds.high.compareTo(BigDecimal.ONE) < 0) {
            low = bounds.high.subtract(DEFAULT_SPAN);
        } else {
            low = BigDecimal.ONE;
        }
        BigDecimal high = bounds.high != null ? bounds.high : low.add(DEFAULT_SPAN);
        if (multipleOf != null && multipleOf.signum() > 0) {
            BigDecimal first = low.divide(multipleOf, 0, RoundingMode.CEILING);
            BigDecimal last = high.divide(multipleOf, 0, RoundingMode.FLOOR);
            if (first.compareTo(last) > 0) {
                return low;
            }
            long count = last.subtract(first).min(BigDecimal.valueOf(1_000_000)).longValue() + 1;
            return first.add(BigDecimal.valueOf(Math.floorMod(random.nextLong(), count))).multiply(multipleOf);
        }
        BigDecimal span = high.subtract(low);
        if (span.signum() <= 0) {
            return low;
        }
        if (integral) {
            long count = span.min(BigDecimal.valueOf(Long.MAX_VALUE - 1)).longValue() + 1;
            return low.add(BigDecimal.valueOf(Math.floorMod(random.nextLong(), count)));
        }
        BigDecimal value = low.add(span.multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(NUMBER_SCALE, RoundingMode.HALF_UP);
        return value.max(low).min(high);
    }

    /** Inclusive bounds after applying exclusivity; integral bounds are rounded inwards. */
    private record Bounds(BigDecimal low, BigDecimal high, boolean integral) {

        static Bounds of(Schema<?> schema, boolean integral) {
            BigDecimal step = integral ? BigDecimal.ONE : new BigDecimal("0.01");
            BigDecimal low = schema.getMinimum();
            if (low != null && Boolean.TRUE.equals(schema.getExclusiveMinimum())) {
                low = low.add(step);
            }
            if (schema.getExclusiveMinimumValue() != null) {
                BigDecimal exclusive = schema.getExclusiveMinimumValue().add(step);
                low = low == null ? exclusive : low.max(exclusive);
            }
            BigDecimal high = schema.getMaximum();
            if (high != null && Boolean.TRUE.equals(schema.getExclusiveMaximum())) {
                high = high.subtract(step);
            }
            if (schema.getExclusiveMaximumValue() != null) {
                BigDecimal exclusive = schema.getExclusiveMaximumValue().subtract(step);
                high = high == null ? exclusive : high.min(exclusive);
            }
            if ("int32".equals(schema.getFormat())) {
                low = low == null ? null : low.max(BigDecimal.valueOf(Integer.MIN_VALUE));
                high = high == null ? null : high.min(BigDecimal.valueOf(Integer.MAX_VALUE));
            }
            if (integral) {
                low = low == null ? null : low.setScale(0, RoundingMode.CEILING);
                high = high == null ? null : high.setScale(0, RoundingMode.FLOOR);
            }
            return new Bounds(low, high, integral);
        }

        boolean admits(BigDecimal value, BigDecimal multipleOf) {
            return (low == null || value.compareTo(low) >= 0) && (high == null || value.compareTo(high) <= 0)
                    && (multipleOf == null || multipleOf.signum() <= 0
                    || value.remainder(multipleOf).signum() == 0);
        }
    }
}
