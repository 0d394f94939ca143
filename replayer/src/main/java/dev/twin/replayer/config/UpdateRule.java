package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code conventions.update} — how a PUT (action {@code update}) answers.
 *
 * @param upsert        true: a PUT naming an id that does not exist creates the row under that id (RabbitMQ's
 *                      vhosts and queues, CouchDB documents, etcd keys) instead of answering NOT_FOUND
 * @param status        the status of a replace; null = the bound operation's lowest documented 2xx
 * @param createdStatus the status of an upsert that created the row; null = 201
 * @param emptyBody     true: both answer with no body (RabbitMQ's 201 and 204)
 * @param body          what both answer instead of the row (a write acknowledgement such as CouchDB's
 *                      {@code {ok: true, id}}), a template over {@code item}; null = the row
 * @param location      a {@code Location} header naming the row's own URL (the PUT's path), as CouchDB answers
 * @param headers       headers both answer with, as templates over {@code item} (the row as shown): CouchDB's
 *                      {@code ETag: "\"{{item._rev}}\""}
 * @param immutable     fields a write may not change on an existing row, or null
 * @param copyTo        another table the written row is also stored in, under a query parameter's value; or null
 * @param checksum      a digest of the row's bytes a PUT must name right, or null
 * @param alias         the digest of a PUT's body, in this form, as a second id the row is also stored under (a
 *                      manifest PUT by tag, read by its digest too); or null
 * @param keepUnsent    true: a PUT sets the fields it sends and keeps the row's others (Django REST framework's
 *                      update, which validates a whole object but saves only what was sent), instead of replacing
 *                      the row by the body
 */
public record UpdateRule(Boolean upsert, Integer status, Integer createdStatus, Boolean emptyBody, JsonNode body,
                         CreateRule.Location location, java.util.Map<String, String> headers,
                         ImmutableFields immutable, CopyTo copyTo, Checksum checksum, DigestForm alias,
                         Boolean keepUnsent) {
    public static final UpdateRule DEFAULTS = new UpdateRule(false, null, null, false, null,
            CreateRule.Location.NONE, java.util.Map.of(), null, null, null, null, false);

    /** Without {@code keepUnsent}. */
    public UpdateRule(Boolean upsert, Integer status, Integer createdStatus, Boolean emptyBody, JsonNode body,
                      CreateRule.Location location, java.util.Map<String, String> headers,
                      ImmutableFields immutable, CopyTo copyTo, Checksum checksum, DigestForm alias) {
        this(upsert, status, createdStatus, emptyBody, body, location, headers, immutable, copyTo, checksum, alias,
                null);
    }

    /** Without {@code alias}. */
    public UpdateRule(Boolean upsert, Integer status, Integer createdStatus, Boolean emptyBody, JsonNode body,
                      CreateRule.Location location, java.util.Map<String, String> headers,
                      ImmutableFields immutable, CopyTo copyTo, Checksum checksum) {
        this(upsert, status, createdStatus, emptyBody, body, location, headers, immutable, copyTo, checksum, null);
    }

    /** Without {@code checksum}. */
    public UpdateRule(Boolean upsert, Integer status, Integer createdStatus, Boolean emptyBody, JsonNode body,
                      CreateRule.Location location, java.util.Map<String, String> headers,
                      ImmutableFields immutable, CopyTo copyTo) {
        this(upsert, status, createdStatus, emptyBody, body, location, headers, immutable, copyTo, null, null);
    }

    /** Without {@code copyTo}. */
    public UpdateRule(Boolean upsert, Integer status, Integer createdStatus, Boolean emptyBody, JsonNode body,
                      CreateRule.Location location, java.util.Map<String, String> headers,
                      ImmutableFields immutable) {
        this(upsert, status, createdStatus, emptyBody, body, location, headers, immutable, null, null, null);
    }

    /** Without {@code immutable}. */
    public UpdateRule(Boolean upsert, Integer status, Integer createdStatus, Boolean emptyBody, JsonNode body,
                      CreateRule.Location location, java.util.Map<String, String> headers) {
        this(upsert, status, createdStatus, emptyBody, body, location, headers, null);
    }

    /** Without {@code headers}. */
    public UpdateRule(Boolean upsert, Integer status, Integer createdStatus, Boolean emptyBody, JsonNode body,
                      CreateRule.Location location) {
        this(upsert, status, createdStatus, emptyBody, body, location, null);
    }

    public UpdateRule {
        headers = headers == null ? null : Merging.copy(headers);
    }

    public UpdateRule merge(UpdateRule override) {
        return override == null ? this : new UpdateRule(Merging.value(upsert, override.upsert),
                Merging.value(status, override.status), Merging.value(createdStatus, override.createdStatus),
                Merging.value(emptyBody, override.emptyBody), override.body != null ? override.body : body,
                Merging.value(location, override.location), Merging.map(headers, override.headers),
                override.immutable != null ? override.immutable : immutable,
                override.copyTo != null ? override.copyTo : copyTo,
                override.checksum != null ? override.checksum : checksum,
                override.alias != null ? override.alias : alias, Merging.value(keepUnsent, override.keepUnsent));
    }
}
