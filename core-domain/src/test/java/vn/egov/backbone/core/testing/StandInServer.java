package vn.egov.backbone.core.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An external system stood in for by an HTTP server in the test JVM (the national portal, the document axis, …):
 * on a free local port, able to be down, and to fail the next calls of an operation in the ways {@code F} names
 * (its subclass says what each does). Subclasses add their contexts to {@link #server}.
 */
public abstract class StandInServer<F extends Enum<F>> implements AutoCloseable {
    protected final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Deque<F>> faults = new ConcurrentHashMap<>();
    private volatile boolean down;

    protected StandInServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
    }

    /** Starts answering, once the subclass has added its contexts. */
    protected final void start() {
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Down: every call answered 503 until it is up again. */
    public void down(boolean down) {
        this.down = down;
    }

    protected boolean isDown() {
        return down;
    }

    /** The next calls of {@code operation} fail so, in order. */
    @SafeVarargs
    public final void failNext(String operation, F... next) {
        Deque<F> queue = faults.computeIfAbsent(operation, key -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(next));
        }
    }

    /** How this call of {@code operation} fails, or null: it is answered as it should be. */
    protected F nextFault(String operation) {
        Deque<F> queue = faults.get(operation);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
