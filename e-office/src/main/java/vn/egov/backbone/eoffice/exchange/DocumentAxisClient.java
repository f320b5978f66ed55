package vn.egov.backbone.eoffice.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.egov.backbone.core.shared.HttpAnswer;
import vn.egov.backbone.eoffice.settings.EOfficeProperties.DocumentAxis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

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
        JsonNode answer = call("sendEdoc", header, HttpRequest.BodyPublishers.ofByteArray(edxml));
        String id = answer.path("DocId").asText("");
        if (id.isBlank()) {
            throw new AxisFailure("the axis gave the package no id");
        }
        return id;
    }

    /** What waits in the inbox: documents ({@code edoc}) or statuses ({@code status}). */
    List<InboxItem> inbox(String messageType) throws AxisFailure {
        ObjectNode header = json.createObjectNode().put("servicetype", "eDoc").put("messagetype", messageType);
        JsonNode answer = call("getReceivedEdocList", header, null);
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
        HttpAnswer answer = send("getEdoc", header, null, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        if (answer.status() != 200) {
            throw new AxisFailure("getEdoc: HTTP " + answer.status());
        }
        if (answer.larger()) {
            throw new TooLarge();
        }
        return answer.body();
    }

    /** A package fetched from the inbox larger than the exchange accepts. */
    static final class TooLarge extends Exception {
    }

    /** Tells the axis what became of a package of the inbox: {@code done} (taken) or {@code fail} (refused). */
    void acknowledge(String id, boolean taken) throws AxisFailure {
        ObjectNode header = json.createObjectNode().put("docid", id).put("status", taken ? "done" : "fail");
        call("updateStatus", header, HttpRequest.BodyPublishers.noBody());
    }

    /**
     * An operation answered in JSON, its {@code status} "OK": nothing in the axis' SDK bounds an answer, so one is read
     * up to {@link #MAX_ANSWER_BYTES}.
     */
    private JsonNode call(String operation, ObjectNode header, HttpRequest.BodyPublisher body) throws AxisFailure {
        HttpAnswer response = send(operation, header, body, MAX_ANSWER_BYTES);
        if (response.larger()) {
            throw new AxisFailure(operation + ": an answer larger than " + MAX_ANSWER_BYTES / (1024 * 1024) + " MB");
        }
        if (response.status() != 200) {
            throw new AxisFailure(operation + ": HTTP " + response.status() + " " + cut(response.text()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new AxisFailure(operation + ": not JSON: " + cut(response.text()));
        }
        if (!"OK".equalsIgnoreCase(answer.path("status").asText())) {
            throw new AxisFailure(operation + ": " + answer.path("status").asText("no status") + " "
                    + cut(answer.path("ErrorDesc").asText("")));
        }
        return answer;
    }

    /** The operation's answer, given up when its bytes stop for the timeout ({@link HttpAnswer}): a silent link. */
    private HttpAnswer send(String operation, ObjectNode header, HttpRequest.BodyPublisher body, int maxBytes)
            throws AxisFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url() + "/" + operation))
                .timeout(settings.timeout()).header("systemId", settings.systemId()).header("secret", settings.secret())
                .header("jsonHeader", header.toString());
        request = body == null ? request.GET() : request.header("Content-Type", "application/xml").POST(body);
        try {
            return HttpAnswer.receive(http, request.build(), maxBytes, settings.timeout());
        } catch (HttpAnswer.Silent e) {
            throw new AxisFailure(operation + ": " + e.getMessage());
        } catch (IOException e) {
            throw new AxisFailure(operation + ": no answer from the axis: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AxisFailure(operation + ": interrupted");
        }
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
    }
}
