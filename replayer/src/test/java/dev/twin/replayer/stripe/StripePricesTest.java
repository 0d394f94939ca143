package dev.twin.replayer.stripe;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.net.RequestOptions;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.twin.replayer.stripe.StripeExample.key;
import static dev.twin.replayer.stripe.StripeExample.monthly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Products and prices of examples/stripe through stripe-java: type from recurring, product rules, lookup keys. */
class StripePricesTest {
    private static StripeExample stripe;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeExample.start();
    }

    @AfterAll
    static void stop() {
        stripe.close();
    }

    private static PriceCreateParams.Builder oneTime(long amount) {
        return PriceCreateParams.builder().setCurrency("usd").setUnitAmount(amount);
    }

    @Test
    void recurringMakesARecurringPriceAndItsAbsenceAOneTimeOne() throws Exception {
        RequestOptions key = key("price_type");
        Price monthly = monthly(1500, "Pro", key);
        Price once = Price.create(oneTime(500).setProductData(PriceCreateParams.ProductData.builder().setName("Book")
                .build()).build(), key);

        assertEquals("recurring", monthly.getType());
        assertEquals("month", monthly.getRecurring().getInterval());
        assertEquals(1L, monthly.getRecurring().getIntervalCount());
        assertEquals("one_time", once.getType());
        assertNull(once.getRecurring());
        assertEquals("Pro", Product.retrieve(monthly.getProduct(), key).getName(), "product_data made the product");
    }

    @Test
    void aPriceNeedsExactlyOneOfProductAndProductData() throws Exception {
        RequestOptions key = key("price_product");
        Product product = Product.create(ProductCreateParams.builder().setName("Mug").build(), key);

        InvalidRequestException neither = assertThrows(InvalidRequestException.class,
                () -> Price.create(oneTime(500).build(), key));
        InvalidRequestException both = assertThrows(InvalidRequestException.class, () -> Price.create(oneTime(500)
                .setProduct(product.getId()).setProductData(PriceCreateParams.ProductData.builder().setName("x").build())
                .build(), key));
        InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                () -> Price.create(oneTime(500).setProduct("prod_missing").build(), key));

        assertEquals("You must specify either `product` or `product_data` when creating a price.",
                neither.getStripeError().getMessage());
        assertEquals("You may only specify one of these parameters: product, product_data.",
                both.getStripeError().getMessage());
        assertEquals("No such product: 'prod_missing'", missing.getStripeError().getMessage());
        assertEquals("product", missing.getParam());
    }

    @Test
    void lookupKeysFindPricesAndBelongToOnePriceAtATime() throws Exception {
        RequestOptions key = key("price_lookup");
        Product product = Product.create(ProductCreateParams.builder().setName("Plan").build(), key);
        Price basic = Price.create(oneTime(900).setProduct(product.getId()).setLookupKey("basic").build(), key);
        Price pro = Price.create(oneTime(1900).setProduct(product.getId()).setLookupKey("pro").build(), key);

        List<String> found = Price.list(PriceListParams.builder().addLookupKey("basic").addLookupKey("pro").build(), key)
                .getData().stream().map(Price::getId).toList();
        InvalidRequestException taken = assertThrows(InvalidRequestException.class, () -> Price.create(oneTime(950)
                .setProduct(product.getId()).setLookupKey("basic").build(), key));
        Price moved = Price.create(oneTime(950).setProduct(product.getId()).setLookupKey("basic")
                .setTransferLookupKey(true).build(), key);

        assertEquals(List.of(pro.getId(), basic.getId()), found);
        assertEquals("A price (`" + basic.getId() + "`) already uses that lookup key.", taken.getStripeError().getMessage());
        assertEquals(List.of(moved.getId()), Price.list(PriceListParams.builder().addLookupKey("basic").build(), key)
                .getData().stream().map(Price::getId).toList());
        assertNull(Price.retrieve(basic.getId(), key).getLookupKey());
    }

    @Test
    void listingExpandsEachPricesProduct() throws Exception {
        RequestOptions key = key("price_expand");
        Price price = monthly(1500, "Pro", key);

        Price listed = Price.list(PriceListParams.builder().addExpand("data.product").build(), key).getData().get(0);

        assertEquals(price.getId(), listed.getId());
        assertEquals("Pro", listed.getProductObject().getName());
    }
}
