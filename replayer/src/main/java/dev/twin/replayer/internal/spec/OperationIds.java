package dev.twin.replayer.internal.spec;

import java.util.Locale;

/** Stable ids for operations the spec leaves unnamed: method and path in PascalCase. */
final class OperationIds {
    private OperationIds() {
    }

    /** {@code GET /v1/customers/{customer}} becomes {@code GetV1CustomersCustomer}. */
    static String generate(String method, String path) {
        StringBuilder id = new StringBuilder(capitalize(method.toLowerCase(Locale.ROOT)));
        for (String word : path.split("[^A-Za-z0-9]+")) {
            id.append(capitalize(word));
        }
        return id.toString();
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
