package vn.egov.backbone.core.testing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What the tests' stand-ins for external systems (HTTP servers in the test JVM) answer with. */
public final class HttpAnswers {
    private HttpAnswers() {
    }

    /** Answers with {@code body} as JSON (UTF-8) and the status, and closes the exchange. */
    public static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /**
     * A JSON answer that stops: status 200, {@code first}, then nothing for {@code millis} with the connection open (a
     * link gone quiet), then {@code rest}; a client that gives up meanwhile closes the connection.
     */
    public static void stopsAfter(HttpExchange exchange, String first, long millis, String rest) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked: no length announced
        try (var out = exchange.getResponseBody()) {
            out.write(first.getBytes(StandardCharsets.UTF_8));
            out.flush();
            stall(millis);
            out.write(rest.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedByTheClient) {
            // the client gave up
        }
    }

    /** A server too slow to answer: holds the request this long (the client's timeout is shorter). */
    public static void stall(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
