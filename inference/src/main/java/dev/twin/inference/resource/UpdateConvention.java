package dev.twin.inference.resource;

import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;

import java.util.Map;

/**
 * How a PUT on an item answered: a 201 beside the usual 2xx means the PUT created rows under ids the client chose
 * (an upsert: RabbitMQ's vhosts, CouchDB documents); bodies never sent mean the twin answers none either.
 */
final class UpdateConvention {
    private UpdateConvention() {
    }

    /** The {@code update:} convention, empty when PUT answered as a plain replace with the row. */
    static WriteRules.Update detect(OperationStats put, Resource resource) {
        WriteRules.Update out = new WriteRules.Update();
        ResponseStats created = put.responses().get(201);
        int replaced = 0;
        long replacedCount = -1;
        for (Map.Entry<Integer, ResponseStats> e : put.responses().entrySet()) {
            if (e.getKey() >= 200 && e.getKey() < 300 && e.getKey() != 201 && e.getValue().count() > replacedCount) {
                replaced = e.getKey();
                replacedCount = e.getValue().count();
            }
        }
        boolean empty = put.responses().entrySet().stream().anyMatch(e -> e.getKey() >= 200 && e.getKey() < 300)
                && put.responses().entrySet().stream()
                .filter(e -> e.getKey() >= 200 && e.getKey() < 300).allMatch(e -> e.getValue().alwaysEmpty());
        if (created == null) {
            if (empty) {
                // Syncthing's PUT of a folder answers 200 with no body: the twin stores the row and says nothing
                out.emptyBody = true;
                if (replaced != 200) {
                    out.status = replaced;
                }
                resource.evidence.add("update: no PUT answer (" + replacedCount + ") had a body: the twin answers "
                        + replaced + " with none (update.emptyBody)");
            }
            return out;
        }
        out.upsert = true;
        out.createdStatus = 201;
        if (replaced != 0) {
            out.status = replaced;
        }
        out.emptyBody = empty;
        String location = put.selfLocation();
        if (location != null) {
            out.location = location;
            resource.evidence.add("update: every PUT answer named the row's own URL in Location (" + location + ")");
        }
        resource.evidence.add("update: PUT answered 201 " + created.count() + " time(s)"
                + (replaced == 0 ? "" : " and " + replaced + " " + replacedCount + " time(s)")
                + ": a PUT naming a new id creates the row (upsert)" + (empty ? "; no answer had a body" : ""));
        return out;
    }
}
