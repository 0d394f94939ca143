package dev.twin.replayer.internal.state;

import dev.twin.replayer.config.Tenancy;
import dev.twin.replayer.internal.http.TwinRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantResolverTest {
    private static final String SECRET = "sk_test_51HabcdefSECRET";
    private final TenantResolver perCredential = new TenantResolver(Tenancy.DEFAULTS);

    @Test
    void aBearerTokenIsTheTenantButOnlyItsHashIsKept() {
        String tenant = perCredential.tenantOf(request(Map.of("authorization", "Bearer " + SECRET)));

        assertTrue(tenant.matches("t_[0-9a-f]{16}"), tenant);
        assertFalse(tenant.contains(SECRET) || tenant.contains("SECRET") || tenant.contains("sk_test"));
        assertEquals(TenantResolver.keyOf(SECRET), tenant);
    }

    @Test
    void theBasicAuthUserIsTheTenantWhateverThePassword() {
        String stripeStyle = perCredential.tenantOf(request(Map.of("authorization", basic(SECRET + ":"))));
        String twilioStyle = perCredential.tenantOf(request(Map.of("authorization", basic("ACabc:token1"))));
        String samesUserOtherPassword = perCredential.tenantOf(request(Map.of("authorization",
                basic("ACabc:token2"))));

        assertEquals(TenantResolver.keyOf(SECRET), stripeStyle, "basic user and bearer token are one tenant");
        assertEquals(twilioStyle, samesUserOtherPassword);
        assertEquals(TenantResolver.keyOf("ACabc"), twilioStyle);
    }

    @Test
    void askingAgainAboutTheSameRequestGivesTheSameAnswers() {
        TwinRequest request = request(Map.of("authorization", "Bearer sk_test_a"));

        String tenant = perCredential.tenantOf(request);

        assertEquals("sk_test_a", perCredential.credentialOf(request));
        assertEquals(tenant, perCredential.tenantOf(request));
        assertEquals(tenant, new TenantResolver(Tenancy.DEFAULTS).tenantOf(request), "another resolver alike");
    }

    @Test
    void eachRequestAndEachConfigurationIsAnsweredForItselfWhenTheyAlternate() {
        TwinRequest a = request(Map.of("authorization", "Bearer sk_test_a", "x-tenant", "acme"));
        TwinRequest b = request(Map.of("authorization", "Bearer sk_test_b"));
        TenantResolver byHeader = new TenantResolver(new Tenancy(Tenancy.Mode.PER_CREDENTIAL, "X-Tenant", null));

        for (int i = 0; i < 3; i++) {
            assertEquals(TenantResolver.keyOf("sk_test_a"), perCredential.tenantOf(a));
            assertEquals(TenantResolver.keyOf("acme"), byHeader.tenantOf(a));
            assertEquals(TenantResolver.ANONYMOUS, byHeader.tenantOf(b));
            assertEquals("sk_test_b", perCredential.credentialOf(b));
            assertEquals(TenantResolver.keyOf("sk_test_b"), perCredential.tenantOf(b));
        }
    }

    @Test
    void differentCredentialsAreDifferentTenants() {
        assertNotEquals(perCredential.tenantOf(request(Map.of("authorization", "Bearer sk_test_a"))),
                perCredential.tenantOf(request(Map.of("authorization", "Bearer sk_test_b"))));
    }

    @Test
    void aConfiguredHeaderNamesTheTenantInsteadOfTheCredential() {
        TenantResolver byHeader = new TenantResolver(new Tenancy(Tenancy.Mode.PER_CREDENTIAL, "X-Tenant", null));

        String tenant = byHeader.tenantOf(request(Map.of("x-tenant", "team-42", "authorization", "Bearer x")));

        assertEquals(TenantResolver.keyOf("team-42"), tenant);
        assertEquals(TenantResolver.ANONYMOUS, byHeader.tenantOf(request(Map.of("authorization", "Bearer x"))));
    }

    @Test
    void theSchemeMatchesInAnyCaseAndAnUnknownSchemeIsPartOfTheCredential() {
        String lower = perCredential.tenantOf(request(Map.of("authorization", "bearer " + SECRET)));
        String upper = perCredential.tenantOf(request(Map.of("authorization", "BEARER  " + SECRET + " ")));
        String basicUpper = perCredential.tenantOf(request(Map.of("authorization", basic(SECRET + ":")
                .replace("Basic", "BASIC"))));
        String token = perCredential.tenantOf(request(Map.of("authorization", "Token " + SECRET)));

        assertEquals(TenantResolver.keyOf(SECRET), lower);
        assertEquals(TenantResolver.keyOf(SECRET), upper);
        assertEquals(TenantResolver.keyOf(SECRET), basicUpper);
        assertEquals(TenantResolver.keyOf("Token " + SECRET), token);
        assertEquals(TenantResolver.keyOf("Bearerx"), perCredential.tenantOf(request(Map.of("authorization",
                "Bearerx"))), "a scheme needs its space");
    }

    @Test
    void sharedTenancyPutsEveryoneInOneTenant() {
        TenantResolver shared = new TenantResolver(new Tenancy(Tenancy.Mode.SHARED, null, null));

        assertEquals("shared", shared.tenantOf(request(Map.of("authorization", "Bearer " + SECRET))));
        assertEquals("shared", shared.tenantOf(request(Map.of())));
    }

    @Test
    void aRequestWithoutCredentialIsAnonymous() {
        assertEquals("anonymous", perCredential.tenantOf(request(Map.of())));
        assertEquals("anonymous", perCredential.tenantOf(request(Map.of("authorization", "Bearer "))));
    }

    @Test
    void anOperatorMayNameATenantByCredentialOrByKey() {
        String key = TenantResolver.keyOf(SECRET);

        assertEquals(key, perCredential.tenantFromOperator(SECRET));
        assertEquals(key, perCredential.tenantFromOperator(key));
        assertEquals("anonymous", perCredential.tenantFromOperator("anonymous"));
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static TwinRequest request(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new TwinRequest("GET", "/v1/customers", null, Map.of(), multi, null, "127.0.0.1");
    }
}
