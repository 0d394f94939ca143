package dev.twin.replayer.config;

import java.util.Set;

/**
 * The table names the rest of twin.yaml may refer to ({@code extend[].table}, custom operation steps, event rules):
 * those {@code tables:} writes and, with {@code stateful: auto}, any other, since the tables derived from the specs
 * are known only once the specs are read (then every name is checked again: {@code StatefulAuto}).
 *
 * @param written the names written under {@code tables[].name}
 */
record KnownTables(Set<String> written, boolean derivedToo) {
    KnownTables {
        written = Set.copyOf(written);
    }

    boolean contains(String table) {
        return derivedToo || written.contains(table);
    }
}
