package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** What swagger's model reader (Jackson) refuses in a part of a spec, as a place and words a user reads. */
final class ModelReaderErrors {
    private ModelReaderErrors() {
    }

    /** The place of the refused value below the part's own pointer: {@code /parameters/0/schema}. */
    static String pointerWithin(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                pointer.append('/').append(PointerLocator.escape(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    /** "must be a number, not 'abc'", or Jackson's own words when they say more. */
    static String reason(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            if (expected != null) {
                Object value = e instanceof InvalidFormatException invalid ? invalid.getValue() : null;
                return "must be " + expected + (value == null ? "" : ", not '" + value + "'");
            }
        }
        String message = e.getOriginalMessage();
        int details = message.indexOf("\n");
        return details < 0 ? message : message.substring(0, details);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.getName().startsWith("io.swagger.")) {
            return "an object";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return null;
    }
}
