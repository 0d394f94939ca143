package dev.twin.redis;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.StateSetting;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A replica as its own process, for tests that kill one with SIGKILL: {@code ReplicaMain TWIN_YAML REDIS_URL HOME}
 * serves on a free port (HOME holds the start-up cache the replicas share), prints its base URL on a line of its
 * own, and runs until killed.
 */
public final class ReplicaMain {
    private ReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        Twin twin = Twin.builder().config(Path.of(args[0])).state(StateSetting.parse(args[1], Path.of("")))
                .home(Path.of(args[2])).start();
        System.out.println("listening " + twin.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
