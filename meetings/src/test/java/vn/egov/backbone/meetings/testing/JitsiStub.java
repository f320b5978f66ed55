package vn.egov.backbone.meetings.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server playing Jibri ({@code /jibri/api/v1.0/health|startService|stopService}) and
 * jicofo ({@code /about/health}) as their documentation describes them; it keeps what it was sent.
 */
public final class JitsiStub implements AutoCloseable {
    public record Received(String method, String path, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String busyStatus = "IDLE";

    public JitsiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, body));
            int status;
            String answer;
            switch (path) {
                case "/about/health" -> {
                    status = 200;
                    answer = "OK";
                }
                case "/jibri/api/v1.0/health" -> {
                    status = 200;
                    answer = "{\"status\":{\"busyStatus\":\"" + busyStatus + "\",\"health\":{\"healthStatus\":\"HEALTHY\",\"details\":{}}}}";
                }
                case "/jibri/api/v1.0/startService" -> {
                    // Jibri answers 412 when it is busy or a required parameter is missing.
                    boolean complete = body.contains("\"callUrlInfo\"") && body.contains("\"callLoginParams\"")
                            && body.matches("(?s).*\"sinkType\"\\s*:\\s*\"file\".*");
                    status = "IDLE".equals(busyStatus) && complete ? 200 : 412;
                    if (status == 200) {
                        busyStatus = "BUSY";
                    }
                    answer = "";
                }
                case "/jibri/api/v1.0/stopService" -> {
                    busyStatus = "IDLE";
                    status = 200;
                    answer = "";
                }
                default -> {
                    status = 404;
                    answer = "";
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
