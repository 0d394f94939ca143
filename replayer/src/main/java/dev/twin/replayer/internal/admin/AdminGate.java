package dev.twin.replayer.internal.admin;

import dev.twin.replayer.internal.http.MediaTypes;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * The checks every admin request passes before its route answers, in this order: admin turned on; a browser
 * {@code Origin} that is loopback or listed (403); without a token, a {@code Host} that names this machine (403,
 * against DNS rebinding); the admin token when one is set (401); a JSON body on state-changing requests (415).
 * No answer from here carries CORS headers, so no foreign page can read one.
 */
public final class AdminGate {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AdminAccess access;
    private final AdminOrigins origins;
    private final byte[] tokenDigest;

    public AdminGate(AdminAccess access) {
        this.access = access;
        this.origins = new AdminOrigins(access.origins());
        this.tokenDigest = access.token() == null ? null : sha256(access.token());
    }

    /** Why {@code request} may not reach the admin routes, as the answer to send; null when it may. */
    public TwinResponse refusal(TwinRequest request) {
        return refusal(request, false);
    }

    /**
     * As {@link #refusal(TwinRequest)}; a request for a page's file ({@link AdminRoutes#addPage}) needs no token,
     * every other check applies to it.
     */
    public TwinResponse refusal(TwinRequest request, boolean pageFile) {
        if (!access.enabled()) {
            return ErrorResponses.error(404, "not_found", "The admin API is turned off on this twin (--no-admin).",
                    null);
        }
        String origin = request.header("origin");
        if (origin != null && !origins.allowsOrigin(origin)) {
            return ErrorResponses.error(403, "permission_error", "Origin " + origin + " may not use the admin API;"
                    + " only loopback origins and those given with --admin-origin may.", null);
        }
        String host = request.header("host");
        if (tokenDigest == null && host != null && !origins.allowsHost(host)) {
            return ErrorResponses.error(403, "permission_error", "Host " + host + " does not name this machine;"
                    + " without an admin token the admin API answers only requests to 127.0.0.1, localhost or"
                    + " [::1].", null);
        }
        if (tokenDigest != null && !pageFile) {
            TwinResponse unauthorized = tokenRefusal(request.header("authorization"));
            if (unauthorized != null) {
                return unauthorized;
            }
        }
        if (STATE_CHANGING.contains(request.method()) && request.body().length > 0 && !MediaTypes.isJson(request.header("content-type"))) {
            String type = request.header("content-type");
            return ErrorResponses.error(415, "invalid_request_error", "Admin requests with a body must send"
                    + " Content-Type: application/json, not " + (type == null ? "none" : type) + ".", null);
        }
        return null;
    }

    private TwinResponse tokenRefusal(String authorization) {
        if (authorization == null) {
            return challenge("This admin endpoint needs the admin token: send Authorization: Bearer <token>"
                    + " (the token twin serve was given with --admin-token or TWIN_ADMIN_TOKEN).");
        }
        String value = authorization.trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return challenge("The Authorization header is not a Bearer token; send Authorization: Bearer <token>"
                    + " with the admin token.");
        }
        // compared as digests: constant time, and the length of the token does not show either
        if (!MessageDigest.isEqual(tokenDigest, sha256(value.substring(7).trim()))) {
            return challenge("The bearer token is not the admin token (an API key is never an admin credential).");
        }
        return null;
    }

    private static TwinResponse challenge(String message) {
        return ErrorResponses.error(401, "authentication_error", message, null)
                .withHeader("WWW-Authenticate", "Bearer realm=\"twin admin\"");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
