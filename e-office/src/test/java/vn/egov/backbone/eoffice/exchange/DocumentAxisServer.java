package vn.egov.backbone.eoffice.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import vn.egov.backbone.core.testing.HttpAnswers;
import vn.egov.backbone.core.testing.StandInServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The national document axis as a system joined to it sees it through the SDK's operations (sendEdoc,
 * getReceivedEdocList, getEdoc, updateStatus; system id and secret on every call; answers {@code status} "OK" or
 * an {@code ErrorDesc}). It keeps what it was sent (once per message id, as a store-and-forward axis keeps a
 * message), an inbox for this system that stays until each package is acknowledged, and fails as asked: down,
 * 500 before the work, 500 after it (an answer lost), too slow, an answer of many megabytes (a misrouted or
 * broken service: nothing in the SDK bounds what comes back), and a package delivered twice.
 */
final class DocumentAxisServer extends StandInServer<DocumentAxisServer.Fault> {
    static final String SYSTEM_ID = "backbone.thunghiem";
    static final String SECRET = "bi-mat-truc-thu-nghiem";

    enum Fault { HTTP_500, ANSWER_LOST, TOO_SLOW, HUGE_ANSWER, STALLED_ANSWER }

    /** How long {@link Fault#STALLED_ANSWER} holds its answer after the first bytes: a link that went silent. */
    static final long STALL_MILLIS = 40_000;

    /** The size of {@link Fault#HUGE_ANSWER}'s answer: valid JSON, status OK, padded. */
    static final int HUGE_ANSWER_BYTES = 24 * 1024 * 1024;

    record Sent(String docId, String from, String messageType, byte[] bytes, AtomicInteger attempts) {
    }

    private record Waiting(String id, String from, String messageType, byte[] bytes) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Map<String, Waiting> inbox = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Integer> deliverAgain = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    DocumentAxisServer() {
        server.createContext("/", this::handle);
        start();
    }

    /** A package for this system; {@code deliveries} times listed even after it was acknowledged once. */
    void deliver(String id, String from, String messageType, byte[] bytes, int deliveries) {
        inbox.put(id, new Waiting(id, from, messageType, bytes));
        if (deliveries > 1) {
            deliverAgain.put(id, deliveries - 1);
        }
    }

    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    List<Sent> sent() {
        return new ArrayList<>(sent.values());
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (isDown()) {
            HttpAnswers.json(exchange, 503, "Service Unavailable");
            return;
        }
        String operation = exchange.getRequestURI().getPath().substring(1);
        Fault fault = nextFault(operation);
        if (fault == Fault.HTTP_500) {
            HttpAnswers.json(exchange, 500, "Internal Server Error");
            return;
        }
        if (fault == Fault.HUGE_ANSWER) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            try (var out = exchange.getResponseBody()) {
                out.write("{\"status\":\"OK\",\"data\":[],\"pad\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] pad = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                for (int written = 0; written < HUGE_ANSWER_BYTES; written += pad.length) {
                    out.write(pad);
                }
                out.write("\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException stoppedReading) {
                // the client closed the connection once it had read enough
            }
            return;
        }
        if (fault == Fault.STALLED_ANSWER) {
            HttpAnswers.stopsAfter(exchange, "{\"status\":\"OK\",\"data\":[", STALL_MILLIS, "]}");
            return;
        }
        if (fault == Fault.TOO_SLOW) {
            HttpAnswers.stall(4_000);
            HttpAnswers.json(exchange, 504, "Gateway Timeout");
            return;
        }
        if (!SYSTEM_ID.equals(exchange.getRequestHeaders().getFirst("systemId"))
                || !SECRET.equals(exchange.getRequestHeaders().getFirst("secret"))) {
            HttpAnswers.json(exchange, 200, "{\"status\":\"FAIL\",\"ErrorDesc\":\"Sai thông tin hệ thống\"}");
            return;
        }
        JsonNode header = json.readTree(exchange.getRequestHeaders().getFirst("jsonHeader"));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String result;
        byte[] raw = null;
        switch (operation) {
            case "sendEdoc" -> {
                String messageId = header.path("messageId").asText();
                Sent kept = sent.computeIfAbsent(messageId.isBlank() ? "x" + ids.incrementAndGet() : messageId,
                        key -> new Sent("VDXP-" + ids.incrementAndGet(), header.path("from").asText(),
                                header.path("messagetype").asText(), body, new AtomicInteger()));
                kept.attempts().incrementAndGet();
                result = body.length == 0 ? "{\"status\":\"FAIL\",\"ErrorDesc\":\"Gói tin rỗng\"}"
                        : json.createObjectNode().put("status", "OK").put("DocId", kept.docId()).toString();
            }
            case "getReceivedEdocList" -> {
                ObjectNode answer = json.createObjectNode().put("status", "OK");
                var data = answer.putArray("data");
                synchronized (inbox) {
                    inbox.values().stream().filter(w -> w.messageType().equals(header.path("messagetype").asText()))
                            .filter(w -> !acknowledged.containsKey(w.id()) || deliverAgain.getOrDefault(w.id(), 0) > 0)
                            .forEach(w -> data.addObject().put("id", w.id()).put("from", w.from()));
                }
                result = answer.toString();
            }
            case "getEdoc" -> {
                Waiting waiting = inbox.get(header.path("docId").asText());
                if (waiting == null) {
                    HttpAnswers.json(exchange, 404, "{\"status\":\"FAIL\",\"ErrorDesc\":\"Không có văn bản\"}");
                    return;
                }
                result = null;
                raw = waiting.bytes();
            }
            case "updateStatus" -> {
                String id = header.path("docid").asText();
                if (acknowledged.containsKey(id)) {
                    deliverAgain.computeIfPresent(id, (key, left) -> left > 1 ? left - 1 : null);
                }
                acknowledged.put(id, header.path("status").asText());
                result = "{\"status\":\"OK\"}";
            }
            default -> result = "{\"status\":\"FAIL\",\"ErrorDesc\":\"Không có dịch vụ\"}";
        }
        if (fault == Fault.ANSWER_LOST) {
            HttpAnswers.json(exchange, 500, "Bad Gateway");
        } else if (raw != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, raw.length);
            exchange.getResponseBody().write(raw);
            exchange.close();
        } else {
            HttpAnswers.json(exchange, 200, result);
        }
    }




}
