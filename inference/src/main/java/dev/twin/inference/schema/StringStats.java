package dev.twin.inference.schema;

import java.util.TreeMap;
import java.util.regex.Pattern;

/** What the string values at one place had in common: formats that held for all, a few distinct values, an id prefix. */
final class StringStats {
    static final int MAX_DISTINCT = 8;
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** An address, not a URL with an {@code @} in it (an npm tarball of {@code @scope/name}). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s/:]+@[^@\\s/:]+\\.[A-Za-z]{2,}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern URI = Pattern.compile("[a-z][a-z0-9+.-]*://\\S+");
    private static final Pattern RFC2822 = Pattern.compile(
            "[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
    private static final Pattern PREFIX = Pattern.compile("^([a-z][a-z0-9]*(?:_[a-z0-9]+)*_)[A-Za-z0-9]{8,}$");
    private static final Pattern SID = Pattern.compile("^([A-Z]{2})[0-9a-f]{32}$");
    /** CouchDB's {@code _rev}: the row's write count, a dash, a hash. */
    private static final Pattern REVISION = Pattern.compile("[1-9]\\d{0,8}-[0-9a-fA-F]{8,}");

    long count;
    boolean dateTime = true;
    boolean date = true;
    boolean email = true;
    boolean uuid = true;
    boolean uri = true;
    boolean rfc2822 = true;
    boolean revision = true;
    /** A revision-shaped value counted past its first write ({@code 2-…}) was seen. */
    boolean revisionAdvanced;
    /** The shared id prefix ("cus_", "SM"), "" when values do not share one, null before the first value. */
    String idPrefix;
    final TreeMap<String, Long> distinct = new TreeMap<>();
    boolean tooManyDistinct;

    static boolean isRevision(String value) {
        return REVISION.matcher(value).matches();
    }

    void add(String value) {
        count++;
        // once a format failed it stays failed: skip its pattern (this runs for every string of every body)
        dateTime = dateTime && DATE_TIME.matcher(value).matches();
        date = date && DATE.matcher(value).matches();
        email = email && EMAIL.matcher(value).matches();
        uuid = uuid && UUID.matcher(value).matches();
        uri = uri && URI.matcher(value).matches();
        rfc2822 = rfc2822 && RFC2822.matcher(value).matches();
        revision = revision && isRevision(value);
        revisionAdvanced |= revision && !value.startsWith("1-");
        if (idPrefix == null) {
            idPrefix = prefixOf(value);
        } else if (!idPrefix.isEmpty() && !(value.startsWith(idPrefix) && idPrefix.equals(prefixOf(value)))) {
            idPrefix = "";
        }
        if (!tooManyDistinct) {
            distinct.merge(value, 1L, Long::sum);
            if (distinct.size() > MAX_DISTINCT) {
                tooManyDistinct = true;
                distinct.clear();
            }
        }
    }

    void merge(StringStats other) {
        count += other.count;
        dateTime &= other.dateTime;
        date &= other.date;
        email &= other.email;
        uuid &= other.uuid;
        uri &= other.uri;
        rfc2822 &= other.rfc2822;
        revision &= other.revision;
        revisionAdvanced |= other.revisionAdvanced;
        if (idPrefix == null) {
            idPrefix = other.idPrefix;
        } else if (other.idPrefix != null && !idPrefix.equals(other.idPrefix)) {
            idPrefix = "";
        }
        if (!tooManyDistinct) {
            if (other.tooManyDistinct) {
                tooManyDistinct = true;
                distinct.clear();
            } else {
                other.distinct.forEach((k, v) -> distinct.merge(k, v, Long::sum));
                if (distinct.size() > MAX_DISTINCT) {
                    tooManyDistinct = true;
                    distinct.clear();
                }
            }
        }
    }

    /** "cus_" for "cus_NffrFeUfNV2Hib", "SM" for a Twilio SID, "" otherwise. */
    static String prefixOf(String value) {
        var m = PREFIX.matcher(value);
        if (m.matches()) {
            return m.group(1);
        }
        var sid = SID.matcher(value);
        return sid.matches() ? sid.group(1) : "";
    }

    String format() {
        if (count == 0) {
            return null;
        }
        if (uuid) {
            return "uuid";
        }
        if (date) {
            return "date";
        }
        if (dateTime) {
            return "date-time";
        }
        if (email) {
            return "email";
        }
        if (uri) {
            return "uri";
        }
        return null;
    }
}
