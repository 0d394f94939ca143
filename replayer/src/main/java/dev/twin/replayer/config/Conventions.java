package dev.twin.replayer.config;

/**
 * Response conventions ({@code conventions:} globally, {@code tables[].response:} per table), and the provider's
 * limits on request fields ({@code fieldLimits}, global only: validation is per operation, not per table).
 *
 * <p>Once loaded ({@link TwinConfig#conventions()}, {@link TableConfig#response()}) every component and every
 * field inside is set, defaults included. Only an override being merged has null (= "not set here") parts.
 */
public record Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                          DeleteRule delete, ErrorRules errors, UpdateRule update,
                          java.util.Map<String, FieldLimit> fieldLimits, RevisionRule revision, SearchStyle search,
                          String mediaType, ItemEnvelope itemEnvelope, WriteIndex writeIndex, PatchRule patch,
                          ContentRule content) {

    /** The media type rows are answered as when none is written. */
    public static final String JSON = "application/json";

    public static final Conventions DEFAULTS = new Conventions(Timestamps.DEFAULTS, FieldRules.DEFAULTS,
            ListStyle.DEFAULTS, CreateRule.DEFAULTS, DeleteRule.DEFAULTS, ErrorRules.DEFAULTS, UpdateRule.DEFAULTS,
            java.util.Map.of(), RevisionRule.NONE, SearchStyle.DEFAULTS, JSON, null, null, PatchRule.DEFAULTS,
            null);

    /** Without {@code content}. */
    public Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                       DeleteRule delete, ErrorRules errors, UpdateRule update,
                       java.util.Map<String, FieldLimit> fieldLimits, RevisionRule revision, SearchStyle search,
                       String mediaType, ItemEnvelope itemEnvelope, WriteIndex writeIndex, PatchRule patch) {
        this(timestamps, fields, list, create, delete, errors, update, fieldLimits, revision, search, mediaType,
                itemEnvelope, writeIndex, patch, null);
    }

    /** Without {@code patch}. */
    public Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                       DeleteRule delete, ErrorRules errors, UpdateRule update,
                       java.util.Map<String, FieldLimit> fieldLimits, RevisionRule revision, SearchStyle search,
                       String mediaType, ItemEnvelope itemEnvelope, WriteIndex writeIndex) {
        this(timestamps, fields, list, create, delete, errors, update, fieldLimits, revision, search, mediaType,
                itemEnvelope, writeIndex, null);
    }

    /** Without {@code itemEnvelope} and {@code writeIndex}. */
    public Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                       DeleteRule delete, ErrorRules errors, UpdateRule update,
                       java.util.Map<String, FieldLimit> fieldLimits, RevisionRule revision, SearchStyle search,
                       String mediaType) {
        this(timestamps, fields, list, create, delete, errors, update, fieldLimits, revision, search, mediaType, null,
                null);
    }

    /** Without {@code mediaType}. */
    public Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                       DeleteRule delete, ErrorRules errors, UpdateRule update,
                       java.util.Map<String, FieldLimit> fieldLimits, RevisionRule revision, SearchStyle search) {
        this(timestamps, fields, list, create, delete, errors, update, fieldLimits, revision, search, null);
    }

    public Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                       DeleteRule delete, ErrorRules errors, UpdateRule update,
                       java.util.Map<String, FieldLimit> fieldLimits, RevisionRule revision) {
        this(timestamps, fields, list, create, delete, errors, update, fieldLimits, revision, null);
    }

    public Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                       DeleteRule delete, ErrorRules errors, UpdateRule update,
                       java.util.Map<String, FieldLimit> fieldLimits) {
        this(timestamps, fields, list, create, delete, errors, update, fieldLimits, null);
    }

    public Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                       DeleteRule delete, ErrorRules errors) {
        this(timestamps, fields, list, create, delete, errors, null, null);
    }

    public Conventions(Timestamps timestamps, FieldRules fields, ListStyle list, CreateRule create,
                       DeleteRule delete, ErrorRules errors, UpdateRule update) {
        this(timestamps, fields, list, create, delete, errors, update, null);
    }

    /**
     * These conventions with {@code override}'s set keys on top: sections and maps merge key by key (a map key
     * set to null removes the inherited entry); scalars, lists and templates are replaced whole.
     */
    public Conventions merge(Conventions override) {
        if (override == null) {
            return this;
        }
        return new Conventions(Merging.section(timestamps, override.timestamps, Timestamps::merge),
                Merging.section(fields, override.fields, FieldRules::merge),
                Merging.section(list, override.list, ListStyle::merge),
                Merging.section(create, override.create, CreateRule::merge),
                Merging.section(delete, override.delete, DeleteRule::merge),
                Merging.section(errors, override.errors, ErrorRules::merge),
                Merging.section(update, override.update, UpdateRule::merge),
                Merging.map(fieldLimits, override.fieldLimits),
                Merging.section(revision, override.revision, RevisionRule::merge),
                Merging.section(search, override.search, SearchStyle::merge),
                Merging.value(mediaType, override.mediaType),
                Merging.value(itemEnvelope, override.itemEnvelope),
                Merging.value(writeIndex, override.writeIndex),
                Merging.section(patch, override.patch, PatchRule::merge),
                Merging.section(content, override.content, ContentRule::merge));
    }
}
