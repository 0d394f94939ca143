package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The items a list answers from, newest first, as a view: paging asks for the count, an item by position and the
 * position of an id, so an indexed table shapes only the rows of the page it sends.
 */
public interface ListItems {
    /** Items in the list. */
    int size();

    /**
     * The count the answer gives as the total: the items, or more when the list is a range of a larger one whose
     * total the API reports (CouchDB's {@code total_rows} counts every document, whatever the key range).
     */
    default int total() {
        return size();
    }

    /**
     * The item at {@code index} (0 = the newest), shaped; callers may change its top level (its nested values
     * are shared, see {@link RowShaper#shape(dev.twin.replayer.internal.state.Row)}).
     */
    ObjectNode get(int index);

    /**
     * The item at {@code index} as the answer sends it: {@link #get}, or the same item already serialised
     * ({@link SerializedJson#asNode}), which has no fields to read: for placing in the answer only.
     */
    default JsonNode sent(int index) {
        return get(index);
    }

    /** The position of the item with this id, or -1 when there is none. */
    int indexOf(String id);

    /** Every item, newest first (for orders no index serves: a sort, an unpaged list). */
    default List<ObjectNode> all() {
        List<ObjectNode> all = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            all.add(get(i));
        }
        return all;
    }

    /** The same items oldest first ({@link #indexOf} counts from the oldest too). */
    default ListItems reversed() {
        ListItems newestFirst = this;
        return new ListItems() {
            @Override
            public int size() {
                return newestFirst.size();
            }

            @Override
            public ObjectNode get(int index) {
                return newestFirst.get(newestFirst.size() - 1 - index);
            }

            @Override
            public JsonNode sent(int index) {
                return newestFirst.sent(newestFirst.size() - 1 - index);
            }

            @Override
            public int total() {
                return newestFirst.total();
            }

            @Override
            public int indexOf(String id) {
                int index = newestFirst.indexOf(id);
                return index < 0 ? -1 : newestFirst.size() - 1 - index;
            }
        };
    }

    /**
     * These items without the given top-level fields (those only an item's own answer shows); each is shaped anew,
     * never sent from a row's kept serialisation, which has them.
     */
    static ListItems without(ListItems items, Set<String> fields) {
        if (fields.isEmpty()) {
            return items;
        }
        return new ListItems() {
            @Override
            public int size() {
                return items.size();
            }

            @Override
            public int total() {
                return items.total();
            }

            @Override
            public ObjectNode get(int index) {
                ObjectNode item = items.get(index);
                item.remove(fields);
                return item;
            }

            @Override
            public int indexOf(String id) {
                return items.indexOf(id);
            }
        };
    }

    /** Items already shaped, identified by {@code idField}; {@link #indexOf} walks them. */
    static ListItems of(List<ObjectNode> newestFirst, String idField) {
        return new ListItems() {
            @Override
            public int size() {
                return newestFirst.size();
            }

            @Override
            public ObjectNode get(int index) {
                return newestFirst.get(index);
            }

            @Override
            public int indexOf(String id) {
                for (int i = 0; i < newestFirst.size(); i++) {
                    JsonNode rowId = newestFirst.get(i).get(idField);
                    if (rowId != null && id.equals(rowId.asText())) {
                        return i;
                    }
                }
                return -1;
            }

            @Override
            public List<ObjectNode> all() {
                return newestFirst;
            }
        };
    }

    /** The items from {@code start} (included) to {@code end} (excluded). */
    default List<ObjectNode> range(int start, int end) {
        List<ObjectNode> page = new ArrayList<>(Math.max(0, end - start));
        for (int i = start; i < end; i++) {
            page.add(get(i));
        }
        return page;
    }

    /** The items from {@code start} (included) to {@code end} (excluded) as the answer sends them ({@link #sent}). */
    default List<JsonNode> sentRange(int start, int end) {
        List<JsonNode> page = new ArrayList<>(Math.max(0, end - start));
        for (int i = start; i < end; i++) {
            page.add(sent(i));
        }
        return page;
    }
}
