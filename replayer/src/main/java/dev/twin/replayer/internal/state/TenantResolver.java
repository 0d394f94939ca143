package dev.twin.replayer.internal.state;

import dev.twin.replayer.config.Tenancy;
import dev.twin.replayer.internal.http.TwinRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tells whose state a request works on. The tenant is the credential the client already sends: the Bearer token,
 * the Basic-auth user (the password when the user is empty), or the configured header. The raw secret is never
 * stored or shown: the tenant key is {@code t_} + the first 16 hex digits of its SHA-256. With {@code tenancy: shared} every
 * request is tenant {@code shared}; a request without a credential is tenant {@code anonymous}.
 */
public final class TenantResolver {
    public static final String SHARED = "shared";
    public static final String ANONYMOUS = "anonymous";
    private static final Pattern TENANT_KEY = Pattern.compile("t_[0-9a-f]{16}");

    private final Tenancy config;
    private final CredentialMemo<String> keys = new CredentialMemo<>(TenantResolver::keyOf,
            CredentialMemo.DEFAULT_CAPACITY);
    /**
     * The last request this thread resolved, with its answers: the fault, rate-limit, scenario, events and table
     * responders each ask about the same request, and parsing its Authorization header once is enough. A request is
     * immutable, so the same instance always has the same credential. (Each thread keeps its last request alive
     * until its next one.)
     */
    private static final ThreadLocal<LastRequest> LAST = ThreadLocal.withInitial(LastRequest::new);

    public TenantResolver(Tenancy config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public String tenantOf(TwinRequest request) {
        if (config.mode() == Tenancy.Mode.SHARED) {
            return SHARED;
        }
        LastRequest last = remembered(request);
        if (last.tenant == null) {
            last.tenant = last.credential == null ? ANONYMOUS : keys.get(last.credential);
        }
        return last.tenant;
    }

    /** The credential the request carries (header, Bearer token or Basic-auth user), or null. */
    public String credentialOf(TwinRequest request) {
        return remembered(request).credential;
    }

    private LastRequest remembered(TwinRequest request) {
        LastRequest last = LAST.get();
        if (last.request != request || (last.config != config && !config.equals(last.config))) {
            last.credential = parseCredential(request);
            last.tenant = null;
            last.request = request;
            last.config = config;
        }
        return last;
    }

    private String parseCredential(TwinRequest request) {
        if (config.header() != null) {
            return blankToNull(request.header(config.header()));
        }
        String authorization = request.header("authorization");
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.equalsIgnoreCase("bearer") || value.equalsIgnoreCase("basic")) {
            return null; // a scheme without a credential
        }
        int space = value.indexOf(' ');
        if (isScheme(value, space, "bearer")) {
            return blankToNull(value.substring(space + 1));
        }
        if (isScheme(value, space, "basic")) {
            return basicUser(value.substring(space + 1).trim());
        }
        return blankToNull(value);
    }

    /**
     * The tenant key for what an operator typed: a tenant key ({@code t_...}, {@code shared}, {@code anonymous})
     * is taken as it is, anything else as a raw credential and hashed.
     */
    public String tenantFromOperator(String credentialOrKey) {
        if (config.mode() == Tenancy.Mode.SHARED) {
            return SHARED;
        }
        if (TENANT_KEY.matcher(credentialOrKey).matches() || credentialOrKey.equals(ANONYMOUS)
                || credentialOrKey.equals(SHARED)) {
            return credentialOrKey;
        }
        return keyOf(credentialOrKey);
    }

    /** {@code t_} + the first 16 hex digits of the SHA-256 of the credential. */
    public static String keyOf(String credential) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return "t_" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether the header value starts with {@code scheme} (any case) followed by the space at {@code space}. */
    private static boolean isScheme(String value, int space, String scheme) {
        return space == scheme.length() && value.regionMatches(true, 0, scheme, 0, space);
    }

    private static String basicUser(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return blankToNull(encoded);
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        if (user.isEmpty() && colon >= 0) {
            return blankToNull(decoded.substring(colon + 1));
        }
        return blankToNull(user);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** One per thread; the tenant is filled in when first asked (it needs this resolver's key cache). */
    private static final class LastRequest {
        private TwinRequest request;
        private Tenancy config;
        private String credential;
        private String tenant;
    }
}
