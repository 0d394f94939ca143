package dev.twin.replayer.internal.form;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The structure a form-encoded value is expected to have, reduced from its JSON Schema to what decoding needs:
 * which names are objects, arrays or scalars of which type. Built once per operation, so decoding a request
 * never walks a schema.
 */
public sealed interface FormShape {

    /** Anything: values stay strings, nesting is kept as objects. */
    FormShape ANY = new Any();

    /** A scalar JSON type a form value is coerced to. */
    enum ScalarType { STRING, INTEGER, NUMBER, BOOLEAN }

    record Any() implements FormShape {
    }

    /** @param allowed for strings with an enum, the allowed values (a choice fits only those); else empty */
    record Scalar(ScalarType type, Set<String> allowed) implements FormShape {
        public Scalar {
            Objects.requireNonNull(type, "type");
            allowed = Set.copyOf(allowed);
        }

        public Scalar(ScalarType type) {
            this(type, Set.of());
        }

        public boolean allows(String value) {
            return allowed.isEmpty() || allowed.contains(value);
        }
    }

    /** @param additional shape of properties not listed, {@link #ANY} when unconstrained or forbidden */
    record ObjectShape(Map<String, FormShape> properties, FormShape additional) implements FormShape {
        public ObjectShape {
            properties = Map.copyOf(properties);
            Objects.requireNonNull(additional, "additional");
        }

        public FormShape property(String name) {
            FormShape shape = properties.get(name);
            return (shape == null ? additional : shape).resolved();
        }
    }

    record ArrayShape(FormShape items) implements FormShape {
        public ArrayShape {
            Objects.requireNonNull(items, "items");
        }
    }

    /** {@code anyOf}/{@code oneOf} or a list of types: the value is coerced to the first choice it fits. */
    record Choice(List<FormShape> choices) implements FormShape {
        public Choice {
            choices = List.copyOf(choices);
        }
    }

    /**
     * A named schema that may refer to itself (a tree node containing tree nodes). Its target is set once while
     * the shape is being built and never changes after.
     */
    final class Reference implements FormShape {
        private final String name;
        private FormShape target = ANY;

        Reference(String name) {
            this.name = name;
        }

        void resolveTo(FormShape shape) {
            this.target = shape;
        }

        public FormShape target() {
            return target;
        }

        @Override
        public String toString() {
            return "Reference[" + name + "]";
        }
    }

    /** This shape with references followed. */
    default FormShape resolved() {
        FormShape shape = this;
        int hops = 0;
        while (shape instanceof Reference reference && hops++ < 32) {
            shape = reference.target();
        }
        return shape instanceof Reference ? ANY : shape;
    }
}
