package dev.twin.replayer.internal.admin;

import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.List;

/** The route list as aligned text, for {@code twin routes}. */
public final class RouteTable {
    private RouteTable() {
    }

    public static String format(List<ApiOperation> operations) {
        int methodWidth = "METHOD".length();
        int pathWidth = "PATH".length();
        for (ApiOperation operation : operations) {
            methodWidth = Math.max(methodWidth, operation.method().length());
            pathWidth = Math.max(pathWidth, operation.pathTemplate().length());
        }
        String row = "%-" + methodWidth + "s  %-" + pathWidth + "s  %s%n";
        StringBuilder out = new StringBuilder(String.format(row, "METHOD", "PATH", "OPERATION"));
        for (ApiOperation operation : operations) {
            out.append(String.format(row, operation.method(), operation.pathTemplate(), operation.id()));
        }
        return out.toString();
    }
}
