package vn.egov.backbone.notifications.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A messaging gateway over HTTP in the test JVM, answering as the real one does: Zalo ZNS ({@code /zns}:
 * HTTP 200 with {@code {"error": 0, "message": "Success", "data": {"msg_id": …}}}, or a negative error) and
 * an SMS brandname gateway ({@code /sms}: 2xx when accepted). A test queues failures to come.
 */
public final class Gateway implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Received(String path, Map<String, List<String>> headers, JsonNode body) {
    }

    /** What to answer next: an HTTP status and a body; none queued: success. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> zns = new ArrayDeque<>();
    private final Deque<Answer> sms = new ArrayDeque<>();
    private int messageIds;

    public Gateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/zns", exchange -> answer(exchange, zns,
                () -> "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"" + nextId() + "\",\"sent_time\":\""
                        + System.currentTimeMillis() + "\",\"quota\":{\"dailyQuota\":\"500\",\"remainingQuota\":\"499\"}}}"));
        server.createContext("/sms", exchange -> answer(exchange, sms, () -> "{\"code\":100,\"id\":\"" + nextId() + "\"}"));
        server.start();
    }

    private synchronized String nextId() {
        return "m" + (++messageIds);
    }

    private void answer(HttpExchange exchange, Deque<Answer> queued, java.util.function.Supplier<String> success)
            throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                JSON.readTree(request)));
        Answer answer;
        synchronized (queued) {
            answer = queued.isEmpty() ? new Answer(200, success.get()) : queued.poll();
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /**
     * Zalo's delivery receipt for a ZNS message, posted to Backbone's webhook as Zalo posts it: event
     * {@code user_received_message}, signed {@code mac=sha256(app_id + body + timestamp + OA secret key)}.
     *
     * @return the HTTP status Backbone answered
     */
    public static int postReceipt(String webhook, String trackingId, String msgId, String oaSecretKey) throws Exception {
        String appId = "4321987654321";
        String timestamp = Long.toString(System.currentTimeMillis());
        String body = "{\"app_id\":\"" + appId + "\",\"event_name\":\"user_received_message\",\"timestamp\":\"" + timestamp
                + "\",\"sender\":{\"id\":\"579745863508352884\"},\"recipient\":{\"id\":\"84987654321\"},\"message\":{\"msg_id\":\""
                + msgId + "\",\"tracking_id\":\"" + trackingId + "\",\"delivery_time\":\"" + timestamp + "\"}}";
        String mac = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((appId + body + timestamp + oaSecretKey).getBytes(StandardCharsets.UTF_8)));
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(webhook)).header("Content-Type", "application/json")
                        .header("X-ZEvent-Signature", "mac=" + mac)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return answer.statusCode();
    }

    public void failZns(Answer answer) {
        synchronized (zns) {
            zns.add(answer);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
