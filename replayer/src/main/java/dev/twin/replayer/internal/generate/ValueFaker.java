package dev.twin.replayer.internal.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * Realistic values chosen by property name ({@code email}, {@code first_name}, {@code created}, {@code amount} ...).
 *
 * <p>Text values come from datafaker, but a datafaker call costs tens of microseconds, so each rule draws
 * {@link #POOL_SIZE} values once (from a fixed seed, so pools are identical in every JVM) and generation then
 * only picks from the pool with the caller's seeded {@link Random}. The pools ship drawn ({@link ValuePools}), so
 * a twin does not load datafaker (about a second of start-up) to answer its first request.
 */
final class ValueFaker {

    static final long EPOCH_2024 = 1_704_067_200L;
    static final long TWO_YEARS_SECONDS = 2L * 365 * 24 * 3600;
    private static final int POOL_SIZE = 64;

    private static final List<TextRule> TEXT_RULES = List.of(
            text(f -> f.internet().emailAddress(), "email", "*_email", "email_address"),
            text(f -> f.name().firstName(), "first_name", "given_name", "firstname"),
            text(f -> f.name().lastName(), "last_name", "family_name", "surname", "lastname"),
            text(f -> f.name().firstName() + " " + f.name().lastName(), "name", "full_name", "account_holder_name",
                    "cardholder_name", "customer_name", "billing_name", "shipping_name", "contact_name"),
            text(f -> f.company().name(), "company", "company_name", "business_name", "legal_name",
                    "friendly_name", "display_name", "organization", "statement_descriptor"),
            text(f -> f.file().fileName(), "filename", "file_name"),
            text(f -> "+1" + f.regexify("[2-9][0-9]{9}"), "phone", "phone_number", "*_phone", "mobile", "*_phone_number",
                    "to", "from", "to_formatted", "from_formatted", "forwarded_from"),
            text(f -> "https://" + f.internet().domainName() + "/" + f.internet().slug(),
                    "url", "*_url", "website", "homepage", "href", "link"),
            text(f -> f.internet().domainName(), "domain", "domain_name", "hostname", "host"),
            text(f -> f.options().option("usd", "usd", "usd", "eur", "eur", "gbp", "cad", "aud", "jpy", "chf"),
                    "currency", "*_currency"),
            text(f -> f.address().countryCode(), "country", "country_code", "*_country"),
            text(f -> f.address().city(), "city", "town"),
            text(f -> f.address().stateAbbr(), "state", "province"),
            text(f -> f.address().streetAddress(), "line1", "address", "street", "address_line1", "street_address"),
            text(f -> f.address().secondaryAddress(), "line2", "address_line2"),
            text(f -> f.address().zipCode(), "postal_code", "zip", "zip_code", "postcode"),
            text(f -> f.lorem().sentence(), "description", "*_description", "message", "body", "text", "comment",
                    "note", "notes", "memo", "summary", "reason"),
            text(f -> f.job().title(), "title", "job_title"),
            text(f -> f.internet().username(), "username", "user_name", "login", "handle"),
            text(f -> f.internet().ipV4Address(), "ip", "ip_address", "*_ip", "client_ip"),
            text(f -> f.internet().userAgent(), "user_agent"),
            text(f -> f.color().hex(), "color", "*_color"),
            text(f -> f.address().timeZone(), "timezone", "time_zone"),
            text(f -> f.options().option("en-US", "en-GB", "fr-FR", "de-DE", "es-ES", "ja-JP"), "locale",
                    "preferred_locale", "language"),
            text(f -> f.regexify("[0-9]{4}"), "last4", "dynamic_last4"),
            text(f -> f.regexify("[A-Za-z0-9]{16}"), "fingerprint", "token", "secret", "password", "auth_token"));

    private static final Set<String> TIMESTAMP_NAMES = Set.of("created", "updated", "date", "timestamp", "expires",
            "available_on", "arrival_date", "period_start", "period_end", "start", "end", "start_date", "end_date",
            "trial_start", "trial_end", "current_period_start", "current_period_end", "due_date", "expires_at");
    private static final Set<String> AMOUNT_NAMES = Set.of("amount", "price", "unit_amount", "total", "subtotal",
            "amount_due", "amount_paid", "amount_remaining", "amount_captured", "amount_refunded");

    /** Property names seen so far and the rule that answers them: names repeat, matching is not free. */
    private static final Map<String, Optional<TextRule>> RULE_BY_NAME = new ConcurrentHashMap<>();
    private static final TextRule WORDS = new TextRule(new String[] {"word"}, f -> f.lorem().word());

    private ValueFaker() {
    }

    /** A plain lower-case word, for strings whose name says nothing and for map keys. */
    static String word(Random random) {
        return WORDS.pick(random);
    }

    /** A realistic text for this property name, or null when the name says nothing. */
    static String text(String propertyName, Random random) {
        if (propertyName == null) {
            return null;
        }
        Optional<TextRule> rule = RULE_BY_NAME.computeIfAbsent(propertyName, ValueFaker::findRule);
        return rule.map(found -> found.pick(random)).orElse(null);
    }

    private static Optional<TextRule> findRule(String propertyName) {
        String name = normalise(propertyName);
        for (TextRule rule : TEXT_RULES) {
            if (rule.matches(name)) {
                return Optional.of(rule);
            }
        }
        // array properties are named in the plural: "emails", "preferred_locales"
        return name.endsWith("s") && name.length() > 1 ? findRule(name.substring(0, name.length() - 1))
                : Optional.empty();
    }

    /** Every rule's pool as datafaker draws it, by the rule's first name (for {@link ValuePools}). */
    static Map<String, List<String>> drawPools() {
        Map<String, List<String>> pools = new java.util.LinkedHashMap<>();
        for (TextRule rule : TEXT_RULES) {
            pools.put(rule.names[0], rule.draw());
        }
        pools.put(WORDS.names[0], WORDS.draw());
        return pools;
    }

    /** Fills every value pool now, so that the first generated body does not pay datafaker's start-up. */
    static void warmUp() {
        Random random = new Random(0);
        for (TextRule rule : TEXT_RULES) {
            rule.pick(random);
        }
        WORDS.pick(random);
    }

    /** A realistic integer for this property name, or null when the name says nothing. */
    static Long integer(String propertyName, Random random) {
        String name = normalise(propertyName);
        if (name == null) {
            return null;
        }
        if (isTimestampName(name)) {
            return timestamp(random);
        }
        if (AMOUNT_NAMES.contains(name) || name.endsWith("_amount")) {
            return (long) (random.nextInt(999) + 1) * 100 + (random.nextBoolean() ? 0 : 50);
        }
        return switch (name) {
            case "exp_month", "month" -> 1L + random.nextInt(12);
            case "exp_year" -> 2026L + random.nextInt(6);
            case "year" -> 2024L + random.nextInt(2);
            case "day" -> 1L + random.nextInt(28);
            case "quantity", "count", "attempt_count" -> 1L + random.nextInt(5);
            case "age" -> 18L + random.nextInt(60);
            case "port" -> 1024L + random.nextInt(60000);
            default -> otherInteger(name, random);
        };
    }

    private static Long otherInteger(String name, Random random) {
        if (name.contains("percent")) {
            return (long) random.nextInt(101);
        }
        if (name.endsWith("_count")) {
            return (long) random.nextInt(10);
        }
        return null;
    }

    /** Epoch seconds in 2024-2025. */
    static long timestamp(Random random) {
        return EPOCH_2024 + (long) (random.nextDouble() * TWO_YEARS_SECONDS);
    }

    static Instant instant(Random random) {
        return Instant.ofEpochSecond(timestamp(random));
    }

    static boolean isTimestampName(String propertyName) {
        String name = normalise(propertyName);
        return name != null && (TIMESTAMP_NAMES.contains(name) || name.endsWith("_at") || name.endsWith("_date")
                || name.endsWith("_time") || name.endsWith("_on"));
    }

    /** Snake case, lower case; {@code FriendlyName} and {@code friendlyName} become {@code friendly_name}. */
    static String normalise(String propertyName) {
        if (propertyName == null || propertyName.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(propertyName.length() + 4);
        for (int i = 0; i < propertyName.length(); i++) {
            char c = propertyName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && !Character.isUpperCase(propertyName.charAt(i - 1)) && propertyName.charAt(i - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c == '-' ? '_' : c);
            }
        }
        return out.toString();
    }

    private static TextRule text(Function<Faker, String> source, String... names) {
        return new TextRule(names, source);
    }

    /** One Faker for filling every pool (each creation costs ~0.5 ms); pools reseed it, so order does not matter. */
    private static final class PoolSource {
        private static final Random RANDOM = new Random(0);
        private static final Faker FAKER = new Faker(Locale.US, RANDOM);

        static Faker seeded(long seed) {
            RANDOM.setSeed(seed);
            return FAKER;
        }
    }

    /** Names are exact ({@code email}) or suffixes ({@code *_email}). */
    private static final class TextRule {
        private final String[] names;
        private final Function<Faker, String> source;
        private volatile List<String> pool;

        TextRule(String[] names, Function<Faker, String> source) {
            this.names = names;
            this.source = source;
        }

        boolean matches(String name) {
            for (String candidate : names) {
                if (candidate.startsWith("*") ? name.endsWith(candidate.substring(1)) : name.equals(candidate)) {
                    return true;
                }
            }
            return false;
        }

        String pick(Random random) {
            List<String> values = pool;
            if (values == null) {
                values = fill();
            }
            return values.get(random.nextInt(values.size()));
        }

        private List<String> fill() {
            List<String> stored = ValuePools.stored().get(names[0]);
            if (stored != null) {
                pool = stored;
                return stored;
            }
            synchronized (PoolSource.class) {
                if (pool == null) {
                    pool = draw();
                }
                return pool;
            }
        }

        /** The pool datafaker gives for this rule; the same in every JVM. */
        List<String> draw() {
            synchronized (PoolSource.class) {
                Faker faker = PoolSource.seeded(names[0].hashCode());
                List<String> values = new ArrayList<>(POOL_SIZE);
                for (int i = 0; i < POOL_SIZE; i++) {
                    values.add(source.apply(faker));
                }
                return List.copyOf(values);
            }
        }
    }
}
