package vn.egov.backbone.meetings.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import vn.egov.backbone.core.testing.HttpAnswers;

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
    /** Set, Jibri's next health answer stops after its first bytes for this long: a link gone quiet. */
    private volatile long nextHealthStallsMillis;

    public JitsiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a stalled answer holds only its own
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
                    long stall = nextHealthStallsMillis;
                    if (stall > 0) {
                        nextHealthStallsMillis = 0;
                        HttpAnswers.stopsAfter(exchange, "{\"status\":", stall,
                                "{\"busyStatus\":\"IDLE\",\"health\":{\"healthStatus\":\"HEALTHY\"}}}");
                        return;
                    }
                    status = 200;
                    answer = "{\"status\":{\"busyStatus\":\"" + busyStatus + "\",\"health\":{\"healthStatus\":\"HEALTHY\",\"details\":{}}}}";
                }
                case "/jibri/api/v1.0/startService" -> {
                    // Jibri's HttpApi.kt reads StartServiceParams with Jackson's defaults: a field its version does
                    // not know fails the read (500); a missing sinkType or login for a file recording is a 412.
                    String refusal = olderJibriRefusal(body);
                    if (refusal != null) {
                        status = 500;
                    } else {
                        status = "IDLE".equals(busyStatus) ? 200 : 412;
                    }
                    if (status == 200) {
                        busyStatus = "BUSY";
                    }
                    answer = refusal == null ? "" : refusal;
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

    /**
     * The fields a Jibri of 2022 reads (jitsi/jibri {@code HttpApi.kt} StartServiceParams,
     * {@code selenium/CallParams}, {@code CallUrlInfo.kt} before its {@code tenant}, {@code config/XmppCredentials});
     * any other is an unknown property to its Jackson reader.
     */
    private static final Map<String, Set<String>> JIBRI_FIELDS = Map.of(
            "", Set.of("sessionId", "callParams", "callLoginParams", "sinkType", "youTubeStreamKey", "sipClientParams"),
            "callParams", Set.of("callUrlInfo", "email", "passcode", "callStatsUsernameOverride", "displayName"),
            "callUrlInfo", Set.of("baseUrl", "callName", "urlParams"),
            "callLoginParams", Set.of("domain", "port", "username", "password"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why an older Jibri would refuse the request, or null when it starts recording. */
    private static String olderJibriRefusal(String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return "not JSON";
        }
        for (Map.Entry<String, Set<String>> object : JIBRI_FIELDS.entrySet()) {
            JsonNode node = object.getKey().isEmpty() ? request
                    : object.getKey().equals("callUrlInfo") ? request.path("callParams").path("callUrlInfo")
                    : request.path(object.getKey());
            for (String field : (Iterable<String>) node::fieldNames) {
                if (!object.getValue().contains(field)) {
                    return "Unrecognized field \"" + field + "\"";
                }
            }
        }
        boolean complete = request.path("callParams").path("callUrlInfo").has("baseUrl")
                && request.path("callParams").path("callUrlInfo").has("callName")
                && request.has("callLoginParams") && "file".equals(request.path("sinkType").asText());
        return complete ? null : "missing parameters";
    }

    /** The address the last recording joined, as Jibri builds it: {@code baseUrl + "/" + callName}. */
    public String lastRecordedCallUrl() {
        return received("/jibri/api/v1.0/startService").stream().reduce((a, b) -> b).map(last -> {
            try {
                JsonNode info = JSON.readTree(last.body()).path("callParams").path("callUrlInfo");
                return info.path("baseUrl").asText() + "/" + info.path("callName").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Jibri's next health answer sends its first bytes, then nothing for {@code millis}, then the rest. */
    public void stallNextHealth(long millis) {
        nextHealthStallsMillis = millis;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
