package dev.twin.replayer.internal.validation;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityCheckTest {
    private static final Map<String, SecurityScheme> SCHEMES = Map.of(
            "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"),
            "session", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                    .name("sid"),
            "tenant", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                    .name("X-Tenant"));

    private static SecurityCheck check(SecurityRequirement... alternatives) {
        return SecurityCheck.compile(List.of(alternatives), null, SCHEMES);
    }

    @Test
    void givenAnApiKeyCookie_whenTheCookieIsSent_thenTheRequestIsAuthorized() {
        SecurityCheck check = check(new SecurityRequirement().addList("session"));

        assertTrue(check.isSatisfiedBy(TestRequests.request("GET", "/").header("Cookie", "a=1; sid=xyz").build()));
        assertFalse(check.isSatisfiedBy(TestRequests.request("GET", "/").header("Cookie", "a=1").build()));
        assertEquals(new Violation("sid", "cookie", "Missing credentials: send the sid cookie."),
                check.missingCredential());
    }

    @Test
    void givenARequirementNamingTwoSchemes_whenOnlyOneCredentialIsSent_thenItIsNotEnough() {
        SecurityCheck check = check(new SecurityRequirement().addList("basic").addList("tenant"));

        assertFalse(check.isSatisfiedBy(TestRequests.request("GET", "/").header("Authorization", "Basic eDo=")
                .build()));
        assertTrue(check.isSatisfiedBy(TestRequests.request("GET", "/").header("Authorization", "Basic eDo=")
                .header("X-Tenant", "t1").build()));
    }

    @Test
    void givenAnEmptyAlternative_whenNoCredentialIsSent_thenAnonymousCallsAreAllowed() {
        SecurityCheck check = check(new SecurityRequirement().addList("basic"), new SecurityRequirement());

        assertFalse(check.required());
        assertTrue(check.isSatisfiedBy(TestRequests.request("GET", "/").build()));
    }

    @Test
    void givenOperationSecurityAndGlobalSecurity_whenCompiled_thenTheOperationsOwnListWinsEvenWhenEmpty() {
        List<SecurityRequirement> global = List.of(new SecurityRequirement().addList("basic"));

        assertFalse(SecurityCheck.compile(List.of(), global, SCHEMES).required());
        assertTrue(SecurityCheck.compile(null, global, SCHEMES).required());
    }

    @Test
    void givenAnUndefinedScheme_whenCompiled_thenItCannotBeCheckedAndIsTreatedAsMet() {
        SecurityCheck check = check(new SecurityRequirement().addList("nowhere"));

        assertTrue(check.isSatisfiedBy(TestRequests.request("GET", "/").build()));
    }
}
