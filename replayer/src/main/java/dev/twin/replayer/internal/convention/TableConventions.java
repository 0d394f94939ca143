package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.ContentRule;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.CreateRule;
import dev.twin.replayer.config.DeleteRule;
import dev.twin.replayer.config.Embed;
import dev.twin.replayer.config.ErrorRules;
import dev.twin.replayer.config.Expression;
import dev.twin.replayer.config.FieldRules;
import dev.twin.replayer.config.ItemEnvelope;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.config.RevisionRule;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.Timestamps;
import dev.twin.replayer.config.UpdateRule;
import dev.twin.replayer.config.WriteIndex;
import dev.twin.replayer.internal.http.ErrorKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One table's response conventions, compiled once at startup from its merged {@code response:} section: how rows
 * look, how lists page, what creates and deletes answer, and how errors look. Requests only do data work.
 *
 * @param createStatus null = the bound operation's lowest documented 2xx
 * @param createLocation whether a create answers the new row's URL in {@code Location}
 * @param createGenerate fields a create generates once and stores, as templates over {@code item}
 * @param createDerive fields a create sets from the input, as expressions over {@code input} and {@code request}
 * @param embed        rows of other tables a read embeds on request ({@code ?_embed=comments}), or null
 * @param written      what a write keeps of its fields (ignored ones dropped, comma lists split)
 * @param update       how a PUT answers, and whether it creates a missing row under the id it names
 * @param deleteAnswersRow a delete answers the row as it was, {@code deleteBody}'s fields on top
 * @param deleteStatus null = the bound operation's lowest documented 2xx
 * @param deleteBody   null = no body (or the bound operation's own when it documents one)
 * @param createBody   what a create answers instead of the row (a write acknowledgement), or null
 * @param updateBody   what a PUT answers instead of the row (a write acknowledgement), or null
 * @param revision     the revision rows carry and writes must name ({@link RevisionRule#NONE} = none)
 * @param createEmptyBody a create answers no body ({@code create.emptyBody})
 * @param createHeaders headers a create answers with, as templates over the row, the request and its content
 * @param itemOnly     fields list items leave out (an item's own answers show them)
 * @param updateHeaders headers a PUT answers with, as templates over the row, the request and its content
 * @param mediaType    the {@code Content-Type} of the table's JSON answers ({@code application/json} by default)
 * @param itemEnvelope the member item answers put the row under, with constants beside it per action; or null
 * @param writeIndex   the row fields holding the write counter at the row's creation and last write, or null
 * @param deleteOmit   with {@code deleteAnswersRow}, the row's fields the delete's answer leaves out
 * @param createLookup fields a create copies from the row of another table a sent field names
 * @param createReplace fields whose sent value a create replaces by a minted one
 * @param createLimits sent numbers a create refuses above a field of the row another sent field names
 * @param patchEmptyBody a PATCH answers no body ({@code patch.emptyBody})
 * @param patchLocation whether a PATCH names the row's own URL in {@code Location}
 * @param patchHeaders headers a PATCH answers with, as templates over the row, the request and its content
 * @param content      rows keep the raw bytes clients wrote ({@code content}), or null
 * @param createUpsert a create naming an existing row's id in the body replaces that row ({@code create.upsert})
 * @param createDefaults fields a create stores when the client did not send them ({@code create.defaults}); empty
 *                       when none
 * @param createExists   sent fields that must name a live row of another table ({@code create.exists})
 * @param createForms  sent text values a create refuses unless they match a pattern ({@code create.forms})
 */
public record TableConventions(String table, String idField, RowShaper shaper, Pagination pagination,
                               ErrorBodies errors, NotFoundMessages notFound, Integer createStatus,
                               Integer deleteStatus, boolean preserveDeleted, JsonTemplate deleteBody,
                               Map<String, String> references,
                               CreateRule.Location createLocation,
                               Map<String, StringTemplate> createGenerate,
                               Map<String, Expression> createDerive,
                               boolean deleteAnswersRow, UpdateRule update,
                               WrittenFields written, Embed embed, JsonTemplate createBody,
                               JsonTemplate updateBody, RevisionRule revision, boolean createEmptyBody,
                               HeaderTemplates createHeaders, Set<String> itemOnly,
                               HeaderTemplates updateHeaders, String mediaType,
                               ItemEnvelope itemEnvelope, WriteIndex writeIndex, Set<String> deleteOmit,
                               Map<String, CreateRule.Lookup> createLookup,
                               Map<String, ReplacedField> createReplace,
                               Map<String, CreateLimit> createLimits,
                               boolean patchEmptyBody, CreateRule.Location patchLocation,
                               HeaderTemplates patchHeaders, ContentRule content, boolean createUpsert,
                               ObjectNode createDefaults, Map<String, ExistingRow> createExists,
                               Map<String, CreateRule.Form> createForms) {

    /** The field marking a soft-deleted row ({@code delete.preserve: true}); never shown. */
    public static final String DELETED_MARKER = dev.twin.replayer.internal.state.Row.DELETED_MARKER;
    /** The field keeping a {@code content} row's bytes (base64); never shown. */
    public static final String CONTENT_FIELD = "__twin_content";

    public static TableConventions of(TableConfig table) {
        return of(table, java.time.Clock.systemUTC());
    }

    /** @param clock the twin's clock, which fields computed from it ({@code fields.byClock}) read */
    public static TableConventions of(TableConfig table, java.time.Clock clock) {
        Conventions conventions = table.response();
        RowShaper shaper = shaper(table.idField(), conventions, table.idLast(), clock);
        String notFoundTemplate = conventions.errors().messageMap() == null ? null
                : conventions.errors().messageMap().get(ErrorKind.NOT_FOUND);
        NotFoundMessages notFound = new NotFoundMessages(resourceName(table, conventions.fields()),
                notFoundTemplate == null ? null : StringTemplate.compile(notFoundTemplate));
        String publicId = shaper.publicName(table.idField());
        DeleteRule delete = conventions.delete();
        return new TableConventions(table.name(), table.idField(), shaper,
                pagination(conventions.list(), publicId, notFound), errors(conventions.errors()), notFound,
                conventions.create().status(), delete.status(), Boolean.TRUE.equals(delete.preserve()),
                delete.body() == null || delete.body().isNull() ? null : JsonTemplate.compile(delete.body()),
                table.references(), conventions.create().location(), generated(conventions.create().generate()),
                conventions.create().derive() == null ? Map.of() : Map.copyOf(conventions.create().derive()),
                Boolean.TRUE.equals(delete.answersRow()),
                conventions.update() == null ? UpdateRule.DEFAULTS : conventions.update(),
                new WrittenFields(conventions.fields().ignore() == null ? Set.of()
                        : Set.copyOf(conventions.fields().ignore()), conventions.fields().split() == null ? Set.of()
                        : Set.copyOf(conventions.fields().split()), times(conventions.fields().times()),
                        conventions.fields().notBeforeNow() == null ? Set.of()
                                : Set.copyOf(conventions.fields().notBeforeNow())),
                table.embed(), template(conventions.create().body()),
                template(conventions.update() == null ? null : conventions.update().body()),
                conventions.revision() == null ? RevisionRule.NONE : conventions.revision(),
                Boolean.TRUE.equals(conventions.create().emptyBody()),
                HeaderTemplates.compile(conventions.create().headers()),
                conventions.fields().itemOnly() == null ? Set.of() : Set.copyOf(conventions.fields().itemOnly()),
                HeaderTemplates.compile(conventions.update() == null ? null : conventions.update().headers()),
                conventions.mediaType() == null ? Conventions.JSON : conventions.mediaType(),
                conventions.itemEnvelope(), conventions.writeIndex(),
                delete.omit() == null ? Set.of() : Set.copyOf(delete.omit()),
                conventions.create().lookup() == null ? Map.of() : Map.copyOf(conventions.create().lookup()),
                ReplacedField.compile(conventions.create().replace()),
                CreateLimit.compile(conventions.create().limits()),
                conventions.patch() != null && Boolean.TRUE.equals(conventions.patch().emptyBody()),
                conventions.patch() == null || conventions.patch().location() == null ? CreateRule.Location.NONE
                        : conventions.patch().location(),
                HeaderTemplates.compile(conventions.patch() == null ? null : conventions.patch().headers()),
                conventions.content(), Boolean.TRUE.equals(conventions.create().upsert()),
                conventions.create().defaults() == null ? JsonNodeFactory.instance.objectNode()
                        : conventions.create().defaults(), ExistingRow.compile(conventions.create().exists()),
                forms(conventions.create().forms()));
    }

    /** {@code create.forms}, an entry set to null (dropping an inherited one) left out. */
    private static Map<String, CreateRule.Form> forms(Map<String, CreateRule.Form> forms) {
        Map<String, CreateRule.Form> out = new java.util.LinkedHashMap<>();
        if (forms != null) {
            forms.forEach((field, form) -> {
                if (form != null) {
                    out.put(field, form);
                }
            });
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** {@code fields.times} as the formats that write them; an entry set to null drops an inherited one. */
    private static Map<String, TimestampFormat> times(Map<String, Timestamps.Format> times) {
        Map<String, TimestampFormat> out = new java.util.LinkedHashMap<>();
        if (times != null) {
            times.forEach((field, format) -> {
                if (format != null) {
                    out.put(field, TimestampFormat.parse(format.name()));
                }
            });
        }
        return out;
    }

    private static JsonTemplate template(JsonNode body) {
        return body == null || body.isNull() ? null : JsonTemplate.compile(body);
    }

    private static Map<String, StringTemplate> generated(Map<String, String> templates) {
        Map<String, StringTemplate> out = new LinkedHashMap<>();
        if (templates != null) {
            templates.forEach((field, template) -> {
                if (template != null) {
                    out.put(field, StringTemplate.compile(template));
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }

    /** Error bodies by the global conventions, for requests no table answers (rejected credentials). */
    public static ErrorBodies errors(ErrorRules rules) {
        JsonTemplate extra = rules.extraFields() == null || rules.extraFields().isEmpty() ? null
                : JsonTemplate.compile(rules.extraFields());
        String wrap = rules.wrap() == null || rules.wrap().isEmpty() ? null : rules.wrap();
        Map<ErrorKind, JsonTemplate> bodies = new EnumMap<>(ErrorKind.class);
        if (rules.bodies() != null) {
            rules.bodies().forEach((kind, body) -> {
                if (body != null) {
                    bodies.put(kind, JsonTemplate.compile(body));
                }
            });
        }
        return new ErrorBodies(wrap, rules.fields(), rules.status(), rules.typeMap(), rules.codeMap(), extra,
                rules.emptyBody() == null ? Set.of() : Set.copyOf(rules.emptyBody()), bodies, rules.malformedBody(),
                rules.byParam());
    }

    static RowShaper shaper(String idField, Conventions conventions, boolean idInPlace) {
        return shaper(idField, conventions, idInPlace, java.time.Clock.systemUTC());
    }

    static RowShaper shaper(String idField, Conventions conventions, boolean idInPlace, java.time.Clock clock) {
        FieldRules fields = conventions.fields();
        Set<String> hide = new HashSet<>(fields.hide());
        hide.add(DELETED_MARKER);
        hide.add(CONTENT_FIELD);
        TimestampFormat format = TimestampFormat.parse(conventions.timestamps().format().name());
        return new RowShaper(idField, format == null ? TimestampFormat.ISO8601 : format,
                conventions.timestamps().fields(), fields.inject(), hide, fields.rename(), idInPlace,
                fields.copy() == null ? Map.of() : fields.copy(), fields.order() == null ? List.of() : fields.order(),
                ClockFields.compile(fields.byClock(), clock));
    }

    /** The list style's paging over rows identified by {@code idField} (tables, and the Stripe example's events). */
    public static Pagination pagination(ListStyle list, String idField, NotFoundMessages notFound) {
        String total = Boolean.TRUE.equals(list.hideMeta()) ? null : list.totalField();
        ListEnvelope envelope = new ListEnvelope(list.dataField(), list.extraFields() == null
                || list.extraFields().isEmpty() ? null : JsonTemplate.compile(list.extraFields()), total);
        if (list.style() == ListStyle.Style.PAGE) {
            return new PagePagination(envelope, idField, list.defaultLimit(), list.maxLimit(), list.pageParam(),
                    list.pageSizeParam(), list.pageFields());
        }
        boolean oldestFirst = list.order() == ListStyle.Order.OLDEST_FIRST
                || list.order() == ListStyle.Order.ID_ASCENDING;
        if (list.style() == ListStyle.Style.NONE) {
            return new UnpagedList(envelope, Boolean.TRUE.equals(list.bareArray()), oldestFirst,
                    list.order() == ListStyle.Order.ID_ASCENDING ? idField : null);
        }
        if (list.style() == ListStyle.Style.OFFSET) {
            return new OffsetPagination(envelope, Boolean.TRUE.equals(list.bareArray()), oldestFirst, list.defaultLimit(),
                    list.maxLimit(), new OffsetPagination.Names(list.limitParam(), list.offsetParam(),
                    list.pageParam(), list.sortParam(), list.orderParam(), list.totalHeader(),
                    Boolean.TRUE.equals(list.linkHeader()), list.limitField(), list.offsetField(),
                    list.descendingParam(), list.pageField(), list.itemCountField(), list.pageCountField(),
                    list.nextField(), list.previousField()),
                    Boolean.TRUE.equals(list.clampLimit()));
        }
        return new CursorPagination(envelope, list.defaultLimit(), list.maxLimit(), notFound,
                new CursorPagination.Names(list.limitParam(), list.startingAfterParam(), list.endingBeforeParam(),
                        list.hasMoreField()));
    }

    /** {@code customer} from an injected {@code object: customer}, else the table name made singular. */
    private static String resourceName(TableConfig table, FieldRules fields) {
        JsonNode object = fields.inject().get("object");
        if (object != null && object.isTextual()) {
            return object.textValue();
        }
        String name = table.name().toLowerCase(Locale.ROOT);
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
