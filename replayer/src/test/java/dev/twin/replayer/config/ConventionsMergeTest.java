package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ErrorKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConventionsMergeTest {
    private static final String GLOBAL_AND_TWO_TABLES = String.join("\n",
            "imports: [{path: spec.yaml}]",
            "conventions:",
            "  timestamps: {format: unix, fields: {createdAt: created, updatedAt: updated}}",
            "  fields: {inject: {livemode: false, object: thing}, hide: [secret]}",
            "  list: {dataField: data, extraFields: {object: list}, maxLimit: 100}",
            "  errors: {wrap: error, typeMap: {NOT_FOUND: invalid_request_error}}",
            "tables:",
            "  - name: customers",
            "    response:",
            "      timestamps: {fields: {updatedAt: ~}}",
            "      fields: {inject: {object: customer, email: null}, hide: [internal]}",
            "      list: {style: page, dataField: customers}",
            "      errors: {wrap: '', typeMap: {CONFLICT: conflict_error}}",
            "  - name: plain",
            "");

    @TempDir
    Path dir;

    @Test
    void givenATableResponse_whenLoaded_thenItsKeysOverrideTheGlobalOnesAndTheRestIsInherited() throws Exception {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir, GLOBAL_AND_TWO_TABLES));
        Conventions customers = config.table("customers").orElseThrow().response();

        assertEquals(Timestamps.Format.UNIX, customers.timestamps().format(), "inherited");
        assertEquals(Map.of("createdAt", "created"), customers.timestamps().fields(), "null removes a map key");
        assertEquals("{\"livemode\":false,\"object\":\"customer\",\"email\":null}",
                customers.fields().inject().toString(), "objects merge key by key; an injected null is a value");
        assertEquals(List.of("internal"), customers.fields().hide(), "lists replace");
        assertEquals(ListStyle.Style.PAGE, customers.list().style());
        assertEquals("customers", customers.list().dataField());
        assertEquals(100, customers.list().maxLimit(), "inherited from global");
        assertEquals(10, customers.list().defaultLimit(), "inherited from the defaults");
        assertEquals("", customers.errors().wrap(), "an empty wrap undoes the global envelope");
        assertEquals("invalid_request_error", customers.errors().typeMap().get(ErrorKind.NOT_FOUND));
        assertEquals("conflict_error", customers.errors().typeMap().get(ErrorKind.CONFLICT));
    }

    @Test
    void givenATableWithoutResponse_whenLoaded_thenItHasTheGlobalConventions() throws Exception {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir, GLOBAL_AND_TWO_TABLES));

        assertEquals(config.conventions(), config.table("plain").orElseThrow().response());
    }

    @Test
    void mergingAnEmptyOverrideChangesNothing() {
        Conventions empty = new Conventions(null, null, null, null, null, null);

        assertEquals(Conventions.DEFAULTS, Conventions.DEFAULTS.merge(empty));
        assertEquals(Conventions.DEFAULTS, Conventions.DEFAULTS.merge(null));
    }

    @Test
    void mergingReplacesScalarsAndKeepsUnsetOnes() {
        Conventions override = new Conventions(null, null, null, new CreateRule(200, null),
                new DeleteRule(null, true, null), null);

        Conventions merged = Conventions.DEFAULTS.merge(override);

        assertEquals(200, merged.create().status());
        assertTrue(merged.delete().preserve());
        assertNull(merged.delete().status(), "still: the operation's documented status");
        assertFalse(Conventions.DEFAULTS.delete().preserve(), "the defaults are untouched");
    }
}
