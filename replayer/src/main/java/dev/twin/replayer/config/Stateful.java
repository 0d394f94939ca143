package dev.twin.replayer.config;

/**
 * {@code stateful:} — whether the resources the imported specs describe keep state without tables and bindings
 * written for them. {@code auto}: every collection with a create and its items become a table and bindings derived
 * from the spec ({@code dev.twin.replayer.internal.resource}, docs/stateful-auto.md); {@code off} (the default): only what
 * {@code tables} and {@code extend} say.
 *
 * @param writtenConventions the global {@code conventions:} exactly as written (a part not written is null; null
 *                           when nothing is written), so the conventions derived per resource lie between the
 *                           defaults and what twin.yaml says
 * @param writtenTables      per table written under {@code tables:}, what is written for it, so that a written
 *                           table taking a resource over keeps what was derived for the keys it does not write
 * @param derivedTables      the names of the tables {@code auto} added to the configuration; null until it has
 * @param location           where {@code stateful:} is written, or null when the command line sets it
 */
public record Stateful(Mode mode, Conventions writtenConventions, java.util.Map<String, WrittenTable> writtenTables,
                       java.util.List<String> derivedTables, SourceLocation location) {
    /** No {@code stateful:} key: tables and bindings as written. */
    public static final Stateful OFF = new Stateful(Mode.OFF, null, java.util.Map.of(), null, null);
    /** {@code --stateful} on the command line, without a twin.yaml. */
    public static final Stateful AUTO = new Stateful(Mode.AUTO, null, java.util.Map.of(), null, null);

    /**
     * What twin.yaml writes for one table.
     *
     * @param keys     the keys written in its entry ({@code idPrefix}, {@code response} …)
     * @param response its {@code response:} as written (a part not written is null), or null
     */
    public record WrittenTable(java.util.Set<String> keys, Conventions response) {
        public WrittenTable {
            keys = java.util.Set.copyOf(keys);
        }
    }

    public enum Mode {
        OFF, AUTO
    }

    public Stateful {
        java.util.Objects.requireNonNull(mode, "mode");
        writtenTables = writtenTables == null ? java.util.Map.of() : java.util.Map.copyOf(writtenTables);
        derivedTables = derivedTables == null ? null : java.util.List.copyOf(derivedTables);
    }

    public boolean auto() {
        return mode == Mode.AUTO;
    }

    /** This setting turned to {@code auto} (the conventions twin.yaml writes kept), as {@code --stateful} does. */
    public Stateful turnedOn() {
        return mode == Mode.AUTO ? this : new Stateful(Mode.AUTO, writtenConventions, writtenTables, null, location);
    }

    /** Whether the tables and bindings {@code auto} derives are in the configuration already. */
    public boolean derived() {
        return derivedTables != null;
    }

    /** The same setting once these derived tables (and their bindings) are in the configuration. */
    public Stateful withDerivedTables(java.util.List<String> tables) {
        return new Stateful(mode, writtenConventions, writtenTables, tables, location);
    }
}
