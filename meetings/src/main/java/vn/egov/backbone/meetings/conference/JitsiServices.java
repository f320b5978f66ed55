package vn.egov.backbone.meetings.conference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.HttpAnswer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jitsi's own HTTP endpoints: Jibri's API to start and stop a recording ({@code /jibri/api/v1.0/...},
 * doc/http_api.md) and the health of jicofo ({@code :8888/about/health}), the videobridge
 * ({@code :8080/about/health}) and Jibri, each only when configured.
 */
@Component
public class JitsiServices {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** A health or a service answer is a few hundred bytes. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** One service's health as the ops page shows it. */
    public record Health(String service, boolean configured, String status, String detail) {
    }

    private final JitsiProperties jitsi;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    JitsiServices(JitsiProperties jitsi, ObjectMapper json) {
        this.jitsi = jitsi;
        this.json = json;
    }

    public List<Health> health() {
        return List.of(plainHealth("jicofo", jitsi.jicofoUrl()), plainHealth("jvb", jitsi.jvbUrl()), jibriHealth());
    }

    private Health plainHealth(String service, String base) {
        if (!JitsiProperties.present(base)) {
            return new Health(service, false, "NOT_CONFIGURED", null);
        }
        try {
            HttpAnswer response = get(base + "/about/health");
            return new Health(service, true, response.status() == 200 ? "UP" : "DOWN",
                    "HTTP " + response.status() + (response.text().isBlank() ? "" : ": " + abbreviate(response.text())));
        } catch (IOException e) {
            return new Health(service, true, "UNREACHABLE", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Health jibriHealth() {
        if (!JitsiProperties.present(jitsi.jibriUrl())) {
            return new Health("jibri", false, "NOT_CONFIGURED", null);
        }
        try {
            HttpAnswer response = get(jitsi.jibriUrl() + "/jibri/api/v1.0/health");
            if (response.status() != 200) {
                return new Health("jibri", true, "DOWN", "HTTP " + response.status());
            }
            JsonNode status = json.readTree(response.body()).path("status");
            String health = status.path("health").path("healthStatus").asText("UNKNOWN");
            return new Health("jibri", true, "HEALTHY".equals(health) ? "UP" : "DOWN",
                    health + ", " + status.path("busyStatus").asText("UNKNOWN"));
        } catch (IOException e) {
            return new Health("jibri", true, "UNREACHABLE", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Asks Jibri to record the room to a file; refuses clearly when Jibri is busy, missing or down. */
    /**
     * Asks Jibri to record the room. Jibri opens {@code baseUrl + "/" + callName} (jibri
     * {@code CallUrlInfo.kt}, {@code callUrl}), so a tenant's room has the tenant in {@code baseUrl}, as
     * Jibri's own {@code getCallUrlInfoFromJid} builds it. Only fields every Jibri reads are sent: its HTTP
     * API reads the body with Jackson's defaults, which refuse a field the running version does not know
     * ({@code tenant}, {@code extraUrlParams}, ... came later).
     */
    public void startRecording(String sessionId, String room) {
        String base = jitsi.baseUrl().endsWith("/") ? jitsi.baseUrl().substring(0, jitsi.baseUrl().length() - 1)
                : jitsi.baseUrl();
        Map<String, Object> callUrlInfo = new LinkedHashMap<>();
        callUrlInfo.put("baseUrl", JitsiProperties.present(jitsi.tenant()) ? base + "/" + jitsi.subject() : base);
        callUrlInfo.put("callName", room);
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("domain", jitsi.jibri().domain());
        login.put("username", jitsi.jibri().username());
        login.put("password", jitsi.jibri().password());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", sessionId);
        body.put("callParams", Map.of("callUrlInfo", callUrlInfo));
        body.put("callLoginParams", login);
        body.put("sinkType", "file");
        post("/jibri/api/v1.0/startService", body, "start the recording");
    }

    public void stopRecording() {
        post("/jibri/api/v1.0/stopService", Map.of(), "stop the recording");
    }

    private void post(String path, Object body, String what) {
        if (!JitsiProperties.present(jitsi.jibriUrl())) {
            throw new BusinessRuleViolation(ConferenceError.JIBRI_NOT_CONFIGURED);
        }
        try {
            HttpAnswer response = HttpAnswer.receive(http, HttpRequest.newBuilder(URI.create(jitsi.jibriUrl() + path))
                    .timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    MAX_ANSWER_BYTES, TIMEOUT);
            if (response.status() == 412) {
                throw new BusinessRuleViolation(ConferenceError.JIBRI_BUSY);
            }
            if (response.status() != 200) {
                throw new BusinessRuleViolation(ConferenceError.JIBRI_FAILED, response.status());
            }
        } catch (IOException e) {
            throw new BusinessRuleViolation(ConferenceError.JIBRI_UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessRuleViolation(ConferenceError.JIBRI_UNREACHABLE);
        }
    }

    private HttpAnswer get(String url) throws IOException {
        try {
            return HttpAnswer.receive(http, HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    MAX_ANSWER_BYTES, TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
