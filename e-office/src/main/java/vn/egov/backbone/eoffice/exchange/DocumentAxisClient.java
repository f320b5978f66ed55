package vn.egov.backbone.eoffice.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.egov.backbone.eoffice.settings.EOfficeProperties.DocumentAxis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The national document axis (VDXP) as its SDK presents it to the systems joined to it (the SDK's
 * {@code com.vpcp.services.KnobstickService}: {@code sendEdoc}, {@code getReceivedEdocList}, {@code getEdoc},
 * {@code updateStatus}; each takes a JSON header, the SDK is configured with an endpoint, a system id and a secret;
 * an answer says {@code status} "OK" or gives {@code ErrorDesc}). The SDK is a closed jar, so the HTTP form here —
 * one path per operation, the system id and secret and the JSON header as request headers, the package as the body —
 * is Backbone's reading of that model, not a published specification.
 */
final class DocumentAxisClient {
    /** The largest JSON answer read: an inbox list of some sixty thousand packages. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    /**
     * Closes an answer whose bytes stop coming for the timeout. The JDK's client times a request out only until the
     * answer's headers arrive; a link gone silent afterwards (a VPN or NAT dropping the connection without closing
     * it) held the connector's thread until TCP gave up, hours later.
     */
    private static final ScheduledThreadPoolExecutor SILENCE_WATCH = silenceWatch();

    /** The axis did not take or give what was asked; tried again later. */
    static final class AxisFailure extends Exception {
        AxisFailure(String message) {
            super(message);
        }
    }

    /** A package waiting in this system's inbox at the axis. */
    record InboxItem(String id, String from) {
    }

    private final DocumentAxis settings;
    private final ObjectMapper json;
    private final HttpClient http;

    DocumentAxisClient(DocumentAxis settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /**
     * Sends a package ({@code messagetype} {@code edoc} or {@code status}) from the agency {@code fromOrganId}; returns
     * the axis' id for it. {@code messageId} is the exchange log's id: the same on every attempt, so that an axis that
     * received a package whose answer was lost can tell the second attempt from a new package.
     */
    String send(byte[] edxml, String fromOrganId, String messageType, String messageId) throws AxisFailure {
        ObjectNode header = json.createObjectNode().put("from", fromOrganId).put("servicetype", "eDoc")
                .put("messagetype", messageType).put("messageId", messageId);
        JsonNode answer = ok(call("sendEdoc", header, HttpRequest.BodyPublishers.ofByteArray(edxml)));
        String id = answer.path("DocId").asText("");
        if (id.isBlank()) {
            throw new AxisFailure("the axis gave the package no id");
        }
        return id;
    }

    /** What waits in the inbox: documents ({@code edoc}) or statuses ({@code status}). */
    List<InboxItem> inbox(String messageType) throws AxisFailure {
        ObjectNode header = json.createObjectNode().put("servicetype", "eDoc").put("messagetype", messageType);
        JsonNode answer = ok(call("getReceivedEdocList", header, null));
        List<InboxItem> items = new ArrayList<>();
        for (JsonNode item : answer.path("data")) {
            String id = item.path("id").asText("");
            if (!id.isBlank() && id.length() <= 100) {
                items.add(new InboxItem(id, item.path("from").asText(null)));
            }
        }
        return items;
    }

    /** A package of the inbox, at most {@code maxBytes} (one larger is refused without being read further). */
    byte[] fetch(String id, long maxBytes) throws AxisFailure, TooLarge {
        ObjectNode header = json.createObjectNode().put("docId", id);
        HttpResponse<InputStream> response = send("getEdoc", header, null, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AxisFailure("getEdoc: HTTP " + response.statusCode());
            }
            byte[] bytes = readUpTo(body, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes), "getEdoc");
            if (bytes.length > maxBytes) {
                throw new TooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new AxisFailure("getEdoc: " + e);
        }
    }

    /** A package fetched from the inbox larger than the exchange accepts. */
    static final class TooLarge extends Exception {
    }

    /** Tells the axis what became of a package of the inbox: {@code done} (taken) or {@code fail} (refused). */
    void acknowledge(String id, boolean taken) throws AxisFailure {
        ObjectNode header = json.createObjectNode().put("docid", id).put("status", taken ? "done" : "fail");
        ok(call("updateStatus", header, HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * An operation answered in JSON, read up to {@link #MAX_ANSWER_BYTES}: nothing in the axis' SDK bounds an answer,
     * and a wrong URL or a broken proxy could otherwise fill the node's memory with one.
     */
    private Answer call(String operation, ObjectNode header, HttpRequest.BodyPublisher body) throws AxisFailure {
        HttpResponse<InputStream> response = send(operation, header, body, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] bytes = readUpTo(in, MAX_ANSWER_BYTES, operation);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new AxisFailure(operation + ": an answer larger than " + MAX_ANSWER_BYTES / (1024 * 1024) + " MB");
            }
            return new Answer(operation, response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AxisFailure(operation + ": the answer broke off: " + e);
        }
    }

    private record Answer(String operation, int status, String body) {
    }

    /**
     * An answer's bytes, at most one past {@code max} (the caller refuses those); a read that waits longer than the
     * timeout for its next bytes is cut by closing the stream.
     */
    private byte[] readUpTo(InputStream in, int max, String operation) throws IOException, AxisFailure {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        AtomicBoolean silenced = new AtomicBoolean();
        while (out.size() <= max) {
            ScheduledFuture<?> cut = SILENCE_WATCH.schedule(() -> {
                silenced.set(true);
                closeQuietly(in);
            }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            int read;
            try {
                read = in.read(buffer, 0, Math.min(buffer.length, max + 1 - out.size()));
            } catch (IOException e) {
                if (silenced.get()) {
                    throw new AxisFailure(operation + ": no bytes of the answer for " + settings.timeout().toSeconds() + " s");
                }
                throw e;
            } finally {
                cut.cancel(false);
            }
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is all that was asked: the reader learns of it from its read
        }
    }

    private static ScheduledThreadPoolExecutor silenceWatch() {
        ScheduledThreadPoolExecutor watch = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "document-axis-silence-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.setRemoveOnCancelPolicy(true);
        return watch;
    }

    private <T> HttpResponse<T> send(String operation, ObjectNode header, HttpRequest.BodyPublisher body,
                                     HttpResponse.BodyHandler<T> handler) throws AxisFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url() + "/" + operation))
                .timeout(settings.timeout()).header("systemId", settings.systemId()).header("secret", settings.secret())
                .header("jsonHeader", header.toString());
        request = body == null ? request.GET() : request.header("Content-Type", "application/xml").POST(body);
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new AxisFailure(operation + ": no answer from the axis: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AxisFailure(operation + ": interrupted");
        }
    }

    private JsonNode ok(Answer response) throws AxisFailure {
        String operation = response.operation();
        if (response.status() != 200) {
            throw new AxisFailure(operation + ": HTTP " + response.status() + " " + cut(response.body()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new AxisFailure(operation + ": not JSON: " + cut(response.body()));
        }
        if (!"OK".equalsIgnoreCase(answer.path("status").asText())) {
            throw new AxisFailure(operation + ": " + answer.path("status").asText("no status") + " "
                    + cut(answer.path("ErrorDesc").asText("")));
        }
        return answer;
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
    }
}
