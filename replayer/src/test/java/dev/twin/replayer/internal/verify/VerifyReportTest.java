package dev.twin.replayer.internal.verify;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyReportTest {
    private static final Divergence OBJECT_CHANGED = new Divergence(Divergence.Kind.VALUE_CHANGED, "$.object",
            "\"customer\"", "\"customers\"");

    private static VerifyReport report(double minScore, ExchangeResult... results) {
        return new VerifyReport(List.of(new SessionResult("checkout", List.of(results), 1, Set.of("api.stripe.com"))),
                minScore);
    }

    @Test
    void givenExchangeScores_whenReported_thenOperationsAverageTheirExchangesAndTheTotalAveragesAll() {
        ExchangeResult perfect = new ExchangeResult(1, "POST", "/v1/customers", "stripe.PostCustomers", 200, 200, 4, 4,
                List.of());
        ExchangeResult oneOfFour = new ExchangeResult(2, "POST", "/v1/customers", "stripe.PostCustomers", 200, 200, 4, 3,
                List.of(OBJECT_CHANGED));
        ExchangeResult wrongStatus = new ExchangeResult(3, "GET", "/v1/customers/cus_x", "stripe.GetCustomer", 200, 404,
                1, 0, List.of(new Divergence(Divergence.Kind.STATUS_CHANGED, "status", "200", "404")));
        ExchangeResult unrouted = new ExchangeResult(4, "GET", "/v2/nothing", null, 200, 404, 1, 0,
                List.of(new Divergence(Divergence.Kind.NO_SUCH_OPERATION, "/v2/nothing", null, null)));

        VerifyReport report = report(0.99, perfect, oneOfFour, wrongStatus, unrouted);

        assertEquals((1 + 0.75 + 0 + 0) / 4, report.score(), 1e-9);
        assertEquals(List.of(
                new VerifyReport.OperationScore("(no operation)", 1, 0.0, 1),
                new VerifyReport.OperationScore("stripe.GetCustomer", 1, 0.0, 1),
                new VerifyReport.OperationScore("stripe.PostCustomers", 2, 0.875, 1)), report.byOperation());
        assertFalse(report.passed());
    }

    @Test
    void givenADivergence_whenWrittenAsText_thenItReadsAsExchangeOperationAndChange() {
        ExchangeResult result = new ExchangeResult(12, "POST", "/v1/customers", "stripe.PostCustomers", 200, 200, 4, 3,
                List.of(OBJECT_CHANGED));
        StringWriter text = new StringWriter();

        ReportText.write(report(0.5, result), new PrintWriter(text));

        assertTrue(text.toString().startsWith("score 0.7500 (min 0.5000): PASS\n"), text.toString());
        assertTrue(text.toString().contains("#12 POST /v1/customers (stripe.PostCustomers): body $.object value changed: "
                + "recorded \"customer\", twin \"customers\"\n"), text.toString());
        assertEquals("value_changed", ReportJson.of(report(0.5, result)).path("exchanges").path(0)
                .path("divergences").path(0).path("kind").asText());
    }
}
