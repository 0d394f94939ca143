package dev.twin.cli;

import com.github.jknack.handlebars.Handlebars;
import dev.twin.replayer.config.Expressions;
import dev.twin.replayer.config.SourceLocation;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.epoll.Epoll;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Initialises, on a background thread while picocli reads the command line, the libraries every {@code twin serve}
 * launch needs soon after whatever its arguments: Handlebars (its template parser builds a grammar on first use) and
 * JEXL, which twin.yaml's templates and expressions are checked with, and Netty's native transport and buffer pool.
 * A launch is otherwise one chain on the main thread; on two cores this takes a few tens of milliseconds out of it.
 * Anything that fails here is done again, and reported, by the main thread.
 */
final class ServePreload {
    private ServePreload() {
    }

    static void startInBackground() {
        Thread thread = new Thread(ServePreload::run, "twin-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            new Handlebars().compileInline("{{request.path}}");
            Expressions.compile("input.amount > 0 && row.status == 'ok'", SourceLocation.of(Path.of("preload")));
            if (Epoll.isAvailable()) {
                PooledByteBufAllocator.DEFAULT.buffer().release();
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // only a head start
        }
    }
}
