package dev.twin.replayer.config;

/**
 * One entry of {@code fields.byClock}: a field whose answered value follows from where the clock stands relative to
 * one or two time fields of the same row, as Alertmanager's silence state is {@code pending} before its
 * {@code startsAt}, {@code active} until its {@code endsAt} and {@code expired} after it.
 *
 * @param from   the row's top-level time field the {@code during} span starts at, or null: no {@code before}
 * @param until  the row's top-level time field the {@code during} span ends at (the clock at or past it is
 *               {@code after}), or null: no {@code after}
 * @param before the value while the clock is earlier than {@code from}; null: never seen, the stored value stays
 * @param during the value from {@code from} (or always, without it) until {@code until}; null as above
 * @param after  the value once the clock reached {@code until}; null as above
 * @param listOrder the values in the order the table's lists put their rows in (rows of one value, or of a value
 *               not named, last, in the list's own order); null or empty: lists keep their own order
 */
public record ClockField(String from, String until, String before, String during, String after,
                         java.util.List<String> listOrder) {
    public ClockField {
        listOrder = listOrder == null ? java.util.List.of() : java.util.List.copyOf(listOrder);
    }

    /** Without a list order. */
    public ClockField(String from, String until, String before, String during, String after) {
        this(from, until, before, during, after, null);
    }
}
