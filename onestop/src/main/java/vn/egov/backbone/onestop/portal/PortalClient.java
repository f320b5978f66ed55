package vn.egov.backbone.onestop.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.egov.backbone.core.shared.HttpAnswer;
import vn.egov.backbone.onestop.settings.OneStopProperties.NationalPortal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The portal's integration adapter as the provinces' systems call it (read from OpenCPS v2,
 * {@code org.opencps.dossiermgt.action.impl.DVCQGIntegrationActionImpl}: {@code getAccessToken}, {@code syncData},
 * {@code searchDossier}): a session from {@code POST <url><authPath>} with {@code username} and {@code password},
 * answered {@code {"error_code": 0, "session": …}}; then every call is {@code POST <url><integrationPath>} with the
 * JSON {@code {"session", "madonvi", "service", …}} and the header {@code dstcode}, answered with {@code error_code}
 * 0 (or "00") when it succeeded. A failed call drops the session, so the next one signs in again.
 */
final class PortalClient {
    /** The largest answer read: a dossier search answers a few kilobytes. */
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    /** Why a call did not succeed; the dossier is tried again later. */
    static final class PortalFailure extends Exception {
        PortalFailure(String message) {
            super(message);
        }
    }

    private final NationalPortal settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private volatile String session;

    PortalClient(NationalPortal settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    /** Whether the portal already has the dossier ({@code TraCuuHoSo}). */
    boolean has(String dossierCode) throws PortalFailure {
        ObjectNode body = json.createObjectNode().put("service", "TraCuuHoSo").put("mahoso", dossierCode);
        JsonNode result = call(body).path("result");
        return result.isArray() ? !result.isEmpty() : !result.isMissingNode() && !result.isNull();
    }

    /** The dossier as it is now ({@code DongBoHoSoMC}); {@code updating}: the portal has it already. */
    void synchronise(ObjectNode dossier, boolean updating) throws PortalFailure {
        ObjectNode body = json.createObjectNode().put("service", "DongBoHoSoMC").put("isUpdating", updating ? "True" : "False");
        body.putArray("data").add(dossier);
        call(body);
    }

    /** Lines of the processing log ({@code CapNhatTienDoHoSoMC}). */
    void progress(ArrayNode lines) throws PortalFailure {
        ObjectNode body = json.createObjectNode().put("service", "CapNhatTienDoHoSoMC");
        body.set("data", lines);
        call(body);
    }

    private JsonNode call(ObjectNode body) throws PortalFailure {
        String current = session != null ? session : signIn();
        body.put("session", current).put("madonvi", settings.agencyCode());
        try {
            return post(settings.integrationPath(), body);
        } catch (PortalFailure failure) {
            session = null;
            throw failure;
        }
    }

    private synchronized String signIn() throws PortalFailure {
        ObjectNode credentials = json.createObjectNode().put("username", settings.username()).put("password", settings.password());
        JsonNode answer = post(settings.authPath(), credentials);
        String granted = answer.path("session").asText("");
        if (granted.isBlank()) {
            throw new PortalFailure("the portal granted no session");
        }
        session = granted;
        return granted;
    }

    private JsonNode post(String path, ObjectNode body) throws PortalFailure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + path)).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("dstcode", settings.dstcode())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpAnswer response;
        try {
            response = HttpAnswer.receive(http, request, MAX_ANSWER_BYTES, settings.timeout());
        } catch (HttpAnswer.Silent e) {
            throw new PortalFailure(e.getMessage());
        } catch (IOException e) {
            throw new PortalFailure("no answer from the portal: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalFailure("interrupted");
        }
        if (response.larger()) {
            throw new PortalFailure("an answer larger than " + MAX_ANSWER_BYTES / 1024 + " KB");
        }
        if (response.status() != 200) {
            throw new PortalFailure("HTTP " + response.status() + ": " + cut(response.text()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new PortalFailure("not JSON: " + cut(response.text()));
        }
        String code = answer.path("error_code").asText("").strip();
        if (!code.matches("-?\\d{1,9}") || Integer.parseInt(code) != 0) {
            throw new PortalFailure("error_code " + (code.isEmpty() ? "missing" : code) + ": " + cut(answer.toString()));
        }
        return answer;
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
    }
}
