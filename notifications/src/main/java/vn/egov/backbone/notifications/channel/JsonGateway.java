package vn.egov.backbone.notifications.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import vn.egov.backbone.core.shared.HttpAnswer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * A JSON POST to a messaging gateway, with bounded waits — for the answer's headers and then for each next bytes of
 * its body ({@link HttpAnswer}): a gateway that hangs costs one attempt, not a dispatcher thread. The answer is read
 * up to 64 KB; more is not an answer we need.
 */
final class JsonGateway {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ANSWER = 64 * 1024;
    /** For the answer's headers, and then for each next bytes of its body ({@link HttpAnswer}). */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        String shortBody() {
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
    }

    Answer post(URI url, Map<String, String> headers, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        headers.forEach(request::header);
        HttpAnswer answer = HttpAnswer.receive(client, request.build(), MAX_ANSWER, TIMEOUT);
        return new Answer(answer.status(), answer.text());
    }
}
