package dev.twin.replayer.config;

import java.util.Map;
import java.util.Objects;

/**
 * One step of a {@link CustomOperation}. Which components are set depends on {@link #type()} (the loader
 * enforces it; see docs/twin-yaml.md): read {@code table id as [error]}, list {@code table as [where]},
 * create {@code table set [id] [as]}, update {@code table id [set] [merge] [as]}, delete {@code table id},
 * set {@code as value}, validate {@code check error}, fail {@code error [commit]}, call
 * {@code operation [input] [as]}. Unused components are null (maps: empty).
 *
 * @param as        the variable the step's row (read, create, update), rows (list), value (set) or answer (call) is
 *                  bound to; with {@code each}, the list of them
 * @param set       field → expression (create, update): the field is replaced
 * @param where     field → expression; a list step keeps rows whose field equals the value
 * @param when      the step runs only when this is true (null: always); with {@code each}, decided per element
 * @param each      the step runs once per element of this list, the element bound to {@code each} (null: once)
 * @param merge     field → expression (update): merged into the stored field as a form update merges (objects key
 *                  by key, an empty string unsets the key)
 * @param operation the custom operation a {@code call} step runs
 * @param input     field → expression: the {@code input} of the called operation (empty: the caller's input)
 * @param commit    a {@code fail} step keeps what the steps before it wrote (the error is answered all the same)
 * @param optional  a {@code read} that finds no row binds null instead of failing
 * @param mergeAll  an update's map merged into the row as {@code merge} merges each field (null: none)
 */
public record Step(Type type, String table, Expression id, String as, Map<String, Expression> set,
                   Map<String, Expression> where, Expression value, Expression check, StepError error,
                   SourceLocation location, Expression when, Expression each, Map<String, Expression> merge,
                   String operation, Map<String, Expression> input, boolean commit, boolean optional,
                   Expression mergeAll) {

    /** The variable each element of {@code each} is bound to. */
    public static final String EACH_VARIABLE = "each";

    public enum Type {
        READ, LIST, CREATE, UPDATE, DELETE, SET, VALIDATE, FAIL, CALL
    }

    public Step(Type type, String table, Expression id, String as, Map<String, Expression> set,
                Map<String, Expression> where, Expression value, Expression check, StepError error,
                SourceLocation location) {
        this(type, table, id, as, set, where, value, check, error, location, null, null, null, null, null, false,
                false, null);
    }

    public Step {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        set = set == null ? Map.of() : Merging.copy(set);
        where = where == null ? Map.of() : Merging.copy(where);
        merge = merge == null ? Map.of() : Merging.copy(merge);
        input = input == null ? Map.of() : Merging.copy(input);
    }
}
