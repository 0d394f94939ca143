package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Embed;
import dev.twin.replayer.internal.convention.Expansion;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.TenantTables;

import java.util.List;

/** Row look-ups and shaping shared by the actions of one table. */
final class Rows {
    private final TableConventions table;
    private final Expansion expansion;
    private final String idName;

    Rows(TableConventions table, Expansion expansion) {
        this.table = table;
        this.expansion = expansion;
        this.idName = table.shaper().publicName(table.idField());
    }

    TableConventions table() {
        return table;
    }

    /**
     * The live row with the request's id, under the parent the path names, or the provider's not-found error. Its
     * {@code param} is the id field's public name, as Stripe answers {@code GET /v1/customers/cus_x} with
     * {@code param: id}.
     */
    Row existing(BoundRequest request, TenantTables tables) {
        Row row = request.id() == null ? null : tables.get(table.table(), request.id()).orElse(null);
        if (row == null || isDeleted(row) || !underParent(row, request)) {
            String message = table.notFound().message(request.id(), request.routed().request());
            throw new StateException(new TwinError(ErrorKind.NOT_FOUND, message, idName));
        }
        return row;
    }

    /**
     * Whether the row belongs to the parent the path names ({@code /customers/cus_A/sources/src_1} is not a source
     * of {@code cus_B}); a row without the parent's field belongs to any.
     */
    private static boolean underParent(Row row, BoundRequest request) {
        for (var parent : request.parentParams().entrySet()) {
            String stored = row.text(parent.getKey());
            if (stored != null && !stored.equals(parent.getValue())) {
                return false;
            }
        }
        return true;
    }

    static boolean isDeleted(Row row) {
        return row.has(TableConventions.DELETED_MARKER);
    }

    /**
     * The answer showing the row read, as the provider does: its JSON as serialised once ({@link RowShaper#json}),
     * or, when the request expands or embeds something, {@link #shaped} anew.
     */
    TwinResponse answer(int status, Row row, BoundRequest request, TenantTables tables) {
        return showsRowAsItIs(request) ? JsonResponses.of(status, table.shaper().json(row))
                : JsonResponses.of(status, shaped(row, request, tables));
    }

    /** The answer showing the row just written ({@link RowShaper#writtenJson}: its JSON is not kept). */
    TwinResponse written(int status, Row row, BoundRequest request, TenantTables tables) {
        return showsRowAsItIs(request) ? JsonResponses.of(status, table.shaper().writtenJson(row))
                : JsonResponses.of(status, shaped(row, request, tables));
    }

    /** Applies the request's {@code expand[]} to a body showing one of this table's rows. */
    void expand(ObjectNode body, BoundRequest request, TenantTables tables) {
        for (String path : request.expand()) {
            expansion.expand(body, table.table(), path, tables);
        }
    }

    private boolean showsRowAsItIs(BoundRequest request) {
        Embed embed = table.embed();
        return request.expand().isEmpty()
                && (embed == null || request.routed().request().query().get(embed.param()) == null);
    }

    /** The row as the provider shows it, with the request's {@code expand[]} applied. */
    ObjectNode shaped(Row row, BoundRequest request, TenantTables tables) {
        ObjectNode body = table.shaper().shape(row);
        expand(body, request, tables);
        Embed embed = table.embed();
        if (embed != null) {
            List<String> wanted = request.routed().request().query().get(embed.param());
            if (wanted != null) {
                for (String child : wanted) {
                    String field = embed.children().get(child);
                    if (field != null) {
                        body.set(child, expansion.children(child, field, row.id(), tables));
                    }
                }
            }
        }
        return body;
    }
}
