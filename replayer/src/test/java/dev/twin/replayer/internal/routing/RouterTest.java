package dev.twin.replayer.internal.routing;

import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouterTest {
    private static ApiOperation op(String method, String path, String id) {
        return ApiOperation.of("api", id, method, path, new Operation(), new Components());
    }

    private final Router router = Router.of(List.of(
            op("GET", "/v1/customers/{customer}", "GetCustomer"),
            op("POST", "/v1/customers/{customer}", "PostCustomer"),
            op("GET", "/v1/customers/search", "SearchCustomers"),
            op("GET", "/v1/customers/{customer}/sources/{id}", "GetSource"),
            op("DELETE", "/v1/customers/{id}/discount", "DeleteDiscount"),
            op("GET", "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json", "FetchMessage"),
            op("GET", "/2010-04-01/Accounts/{AccountSid}/Messages.json", "ListMessage"),
            op("GET", "/files/{name}", "GetFile")));

    private RouteMatch.Found found(String method, String path) {
        return assertInstanceOf(RouteMatch.Found.class, router.route(method, path));
    }

    @Test
    void literalSegmentIsPreferredOverTemplate() {
        assertEquals("api.SearchCustomers", found("GET", "/v1/customers/search").operation().id());
        assertEquals("api.GetCustomer", found("GET", "/v1/customers/cus_123").operation().id());
    }

    @Test
    void pathParametersAreCapturedByTheirOwnTemplateNames() {
        RouteMatch.Found source = found("GET", "/v1/customers/cus_1/sources/card_2");
        assertEquals(Map.of("customer", "cus_1", "id", "card_2"), source.pathParams());
        RouteMatch.Found discount = found("DELETE", "/v1/customers/cus_9/discount");
        assertEquals(Map.of("id", "cus_9"), discount.pathParams());
    }

    @Test
    void templatesInsideASegmentMatchAroundTheirLiteralText() {
        RouteMatch.Found fetch = found("GET", "/2010-04-01/Accounts/AC1/Messages/SM2.json");
        assertEquals("api.FetchMessage", fetch.operation().id());
        assertEquals(Map.of("AccountSid", "AC1", "Sid", "SM2"), fetch.pathParams());
        assertEquals("api.ListMessage", found("GET", "/2010-04-01/Accounts/AC1/Messages.json").operation().id());
    }

    @Test
    void templateFallsBackWhenTheLiteralBranchLacksTheMethod() {
        assertEquals("api.PostCustomer", found("POST", "/v1/customers/search").operation().id());
    }

    @Test
    void headIsAnsweredByGet() {
        assertEquals("api.GetCustomer", found("HEAD", "/v1/customers/cus_1").operation().id());
    }

    @Test
    void unknownMethodListsTheAllowedOnes() {
        RouteMatch match = router.route("PUT", "/v1/customers/cus_1");
        assertEquals(new RouteMatch.MethodNotAllowed(Set.of("GET", "HEAD", "POST")),
                new RouteMatch.MethodNotAllowed(Set.copyOf(
                        assertInstanceOf(RouteMatch.MethodNotAllowed.class, match).allowed())));
    }

    @Test
    void unknownPathIsNotFound() {
        assertInstanceOf(RouteMatch.NoSuchPath.class, router.route("GET", "/v1/nothing"));
        assertInstanceOf(RouteMatch.NoSuchPath.class, router.route("GET", "/v1/customers/cus_1/sources"));
    }

    @Test
    void percentEncodedParametersAreDecodedAndASlashInsideStaysInOneSegment() {
        assertEquals(Map.of("name", "a/b c+d"), found("GET", "/files/a%2Fb%20c+d").pathParams());
    }

    @Test
    void aTrailingSlashTheSpecDoesNotWriteStillRoutes() {
        assertEquals("api.GetCustomer", found("GET", "/v1/customers/cus_1/").operation().id());
    }

    @Test
    void givenBothSpellings_whenRouting_thenTheTrailingSlashChoosesAsTheSpecWritesIt() {
        Router both = Router.of(List.of(op("GET", "/pets", "ListPets"), op("GET", "/pets/", "ListPetsSlash"),
                op("POST", "/pets/", "CreatePet")));

        assertEquals("api.ListPets", assertInstanceOf(RouteMatch.Found.class, both.route("GET", "/pets"))
                .operation().id());
        assertEquals("api.ListPetsSlash", assertInstanceOf(RouteMatch.Found.class, both.route("GET", "/pets/"))
                .operation().id());
        assertEquals("api.CreatePet", assertInstanceOf(RouteMatch.Found.class, both.route("POST", "/pets"))
                .operation().id());
    }

    @Test
    void aPercentEncodedLiteralSegmentRoutes() {
        assertEquals("api.SearchCustomers", found("GET", "/v1/customers/%73earch").operation().id());
    }

    @Test
    void templatesInsideSegmentsRouteWhenTheClientEncodesTheirLiteralText() {
        Router inside = Router.of(List.of(op("POST", "/test:{rpc}", "Rpc"), op("GET", "/pairs/{a}-{b}", "Pair"),
                op("GET", "/v1/{name}:batchGet", "BatchGet")));

        RouteMatch.Found rpc = assertInstanceOf(RouteMatch.Found.class, inside.route("POST", "/test%3Aping"));
        assertEquals(Map.of("rpc", "ping"), rpc.pathParams());
        RouteMatch.Found pair = assertInstanceOf(RouteMatch.Found.class, inside.route("GET", "/pairs/x%2Dy-z"));
        assertEquals(Map.of("a", "x", "b", "y-z"), pair.pathParams());
        RouteMatch.Found batch = assertInstanceOf(RouteMatch.Found.class, inside.route("GET", "/v1/a%20b:batchGet"));
        assertEquals(Map.of("name", "a b"), batch.pathParams());
    }

    @Test
    void twoOperationsForTheSameMethodAndPathAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Router.of(List.of(
                op("GET", "/a/{x}", "One"), op("GET", "/a/{x}", "Two"))));
    }
}
