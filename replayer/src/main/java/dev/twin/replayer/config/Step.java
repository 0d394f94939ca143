package dev.twin.replayer.config;

import java.util.Map;
import java.util.Objects;

/**
 * One step of a {@link CustomOperation}. Which components are set depends on {@link #type()} (the loader
 * enforces it; see docs/twin-yaml.md): read {@code table id as [error]}, list {@code table as [where]},
 * create {@code table set [id] [as]}, update {@code table id set [as]}, delete {@code table id},
 * set {@code as value}, validate {@code check error}. Unused components are null (maps: empty).
 *
 * @param as    the variable the step's row (read, create, update), rows (list) or value (set) is bound to
 * @param set   field → expression (create, update)
 * @param where field → expression; a list step keeps rows whose field equals the value
 * @param when  the step runs only when this holds (null: always); a skipped step binds its {@code as} to null
 */
public record Step(Type type, String table, Expression id, String as, Map<String, Expression> set,
                   Map<String, Expression> where, Expression value, Expression check, StepError error,
                   Expression when, SourceLocation location) {

    public enum Type {
        READ, LIST, CREATE, UPDATE, DELETE, SET, VALIDATE
    }

    public Step {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        set = set == null ? Map.of() : Merging.copy(set);
        where = where == null ? Map.of() : Merging.copy(where);
    }
}
