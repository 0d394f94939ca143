package dev.twin.replayer.internal.validation;

import java.util.List;

/** Writes the location of a value inside a parameter or body the way the client sent it. */
@FunctionalInterface
interface ParamNaming {

    String name(List<Object> path);

    /**
     * Form and query syntax under a named parameter: {@code created[gte]}; with a null root the first path
     * element is the root ({@code items[0][price]} in a form body) and the empty path is {@code body}.
     */
    static ParamNaming brackets(String root) {
        return path -> {
            if (root == null && path.isEmpty()) {
                return Violation.BODY;
            }
            StringBuilder name = new StringBuilder(root == null ? String.valueOf(path.get(0)) : root);
            for (int i = root == null ? 1 : 0; i < path.size(); i++) {
                name.append('[').append(path.get(i)).append(']');
            }
            return name.toString();
        };
    }

    /** JSON syntax under {@code root}: {@code body.address.city}, {@code body.items[0].price}. */
    static ParamNaming dotted(String root) {
        return path -> {
            StringBuilder name = new StringBuilder(root);
            for (Object element : path) {
                if (element instanceof Integer) {
                    name.append('[').append(element).append(']');
                } else {
                    name.append('.').append(element);
                }
            }
            return name.toString();
        };
    }
}
