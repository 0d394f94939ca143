package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RabbitMQ management HTTP API through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusRabbitMqTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new RabbitMqApi();
    }

    @Test
    void givenRabbitMq_whenAQueuePageIsListed_thenItAnswersThePagingEnvelope() {
        Step page = recordedStep("list-queues-page-1");

        assertEquals(3, page.json().path("total_count").asInt());
        assertEquals(2, page.json().path("item_count").asInt());
        assertEquals(2, page.json().path("page_count").asInt());
        assertEquals("emails", page.json().path("items").path(0).path("name").asText());
    }

    @Test
    void givenRabbitMq_whenAQueueIsRedeclaredWithOtherProperties_thenItAnswers400NamingTheInequivalentArg() {
        Step redeclared = recordedStep("redeclare-queue-orders-not-durable");

        assertEquals(400, redeclared.status());
        assertEquals("bad_request", redeclared.json().path("error").asText());
    }

    @Test
    void givenRabbitMq_whenADeletedQueueIsRead_thenItAnswers404() {
        assertEquals(404, recordedStep("read-deleted-queue").status());
    }

    @Test
    void givenRabbitMq_whenABindingIsCreated_thenItsLocationIsItsPropertiesKey() {
        assertEquals("orders/order.created", recordedStep("bind-orders-created").header("Location"));
    }
}
