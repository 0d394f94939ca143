package dev.twin.replayer.internal.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows a list shows (soft-deleted ones left out), oldest first, as a view: the size, the row at a rank and the
 * rank of an id. Backed by the tenant's {@link OrderIndex}, each call is O(log n), so a page costs its own rows and
 * never the table's. Valid only inside the transaction that handed it out.
 */
public interface RowOrder {
    /** Rows listed. */
    int size();

    /** The row at {@code rank} (0 = the oldest). */
    Row at(int rank);

    /** The rank of the listed row with this id, or -1 when there is none. */
    int rank(String id);

    /** A view over rows already in order (the fallback when a transaction has its own unlisted writes). */
    static RowOrder of(List<Row> oldestFirst) {
        List<Row> rows = oldestFirst.stream().filter(Row::isListed).toList();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ranks.putIfAbsent(rows.get(i).id(), i);
        }
        return new RowOrder() {
            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public Row at(int rank) {
                return rows.get(rank);
            }

            @Override
            public int rank(String id) {
                return ranks.getOrDefault(id, -1);
            }
        };
    }

    /** A view over an index, reading rows by id. */
    static RowOrder of(OrderIndex index, Function<String, Row> rows) {
        return new RowOrder() {
            @Override
            public int size() {
                return index.size();
            }

            @Override
            public Row at(int rank) {
                return rows.apply(index.at(rank));
            }

            @Override
            public int rank(String id) {
                return index.rank(id);
            }
        };
    }
}
