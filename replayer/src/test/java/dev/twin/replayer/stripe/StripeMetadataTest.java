package dev.twin.replayer.stripe;

import com.stripe.model.Customer;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.twin.replayer.stripe.StripeExample.customer;
import static dev.twin.replayer.stripe.StripeExample.defaultCard;
import static dev.twin.replayer.stripe.StripeExample.key;
import static dev.twin.replayer.stripe.StripeExample.monthly;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Metadata as Stripe merges it: an update adds and replaces keys, an empty value removes one. */
class StripeMetadataTest {
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    @Test
    void aCustomerUpdateMergesKeysAndAnEmptyValueUnsetsOne() throws Exception {
        RequestOptions key = key("meta_customer");
        Customer customer = Customer.create(CustomerCreateParams.builder().putMetadata("order", "1")
                .putMetadata("channel", "web").build(), key);

        Customer merged = customer.update(CustomerUpdateParams.builder().putMetadata("order", "2")
                .putMetadata("tier", "gold").build(), key);
        Customer unset = merged.update(CustomerUpdateParams.builder().putMetadata("channel", "").build(), key);

        assertEquals(Map.of("order", "2", "channel", "web", "tier", "gold"), merged.getMetadata());
        assertEquals(Map.of("order", "2", "tier", "gold"), unset.getMetadata());
    }

    @Test
    void aSubscriptionUpdateMergesKeysToo() throws Exception {
        RequestOptions key = key("meta_subscription");
        Customer customer = customer(key, "meta@example.com");
        defaultCard(customer, "pm_card_visa", key);
        Subscription sub = Subscription.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(monthly(100, "Tiny", key).getId()).build())
                .putMetadata("team", "a").putMetadata("seats", "3").build(), key);

        Subscription updated = sub.update(SubscriptionUpdateParams.builder().putMetadata("seats", "")
                .putMetadata("region", "eu").build(), key);

        assertEquals(Map.of("team", "a", "region", "eu"), updated.getMetadata());
    }
}
