package dev.twin.replayer.internal.generate;

/**
 * Where in the body a value is being generated.
 *
 * @param name          the property name the value is for (kept for array items), null at the root
 * @param seed          the seed of this position, derived from the call's seed and the path
 * @param depth         how many objects enclose this position
 * @param minimal       emit the smallest valid value: no optional properties, null where allowed, empty arrays
 * @param refName       the component whose schema is being generated, for discriminator values
 * @param idKind        when non-null, a string here is an id of this object kind (Stripe expandable field)
 * @param forcedName    a property whose value is fixed (a discriminator), or null
 * @param forcedValue   the value for {@code forcedName}
 */
record Slot(String name, long seed, int depth, boolean minimal, String refName, String idKind, String forcedName,
            String forcedValue) {

    static Slot root(long seed) {
        return new Slot(null, seed, 0, false, null, null, null, null);
    }

    Slot property(String propertyName, boolean childMinimal) {
        return new Slot(propertyName, Seeds.child(seed, propertyName), depth + 1, childMinimal, null, null, null,
                null);
    }

    Slot item(int index) {
        return new Slot(name, Seeds.child(seed, index), depth, minimal, null, null, null, null);
    }

    Slot referring(String component, boolean beMinimal) {
        return new Slot(name, seed, depth, minimal || beMinimal, component, idKind, forcedName, forcedValue);
    }

    Slot asId(String kind) {
        return new Slot(name, seed, depth, minimal, refName, kind, forcedName, forcedValue);
    }

    Slot forcing(String propertyName, String value) {
        return new Slot(name, seed, depth, minimal, refName, idKind, propertyName, value);
    }

    Slot asMinimal() {
        return new Slot(name, seed, depth, true, refName, idKind, forcedName, forcedValue);
    }
}
