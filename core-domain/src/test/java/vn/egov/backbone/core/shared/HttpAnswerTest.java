package vn.egov.backbone.core.shared;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers of a real HTTP server (the JDK's) that stop, run long or come slowly. Seen failing without the silence
 * watch: the stopped answer was waited for 60 s, until the server let it go, and no error came (as the JDK client's
 * own {@code ofString()} does).
 */
class HttpAnswerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/stops", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"status\":".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                release.await(60, TimeUnit.SECONDS); // silent, connection open, until the test ends
                out.write("\"OK\"}".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException | InterruptedException closedByTheClient) {
                // expected: the client gave up
            }
        });
        server.createContext("/long", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1024]);
                }
            } catch (IOException closedByTheClient) {
                // the client read what it wanted
            }
        });
        server.createContext("/slowly", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write(("part " + i + ";").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void anAnswerThatStopsIsGivenUpAfterTheSilenceAllowed() {
        assertThatThrownBy(() -> HttpAnswer.receive(http, get("/stops"), 1024, Duration.ofMillis(500)))
                .isInstanceOf(HttpAnswer.Silent.class).hasMessageContaining("500 ms");
    }

    @Test
    void aLongAnswerIsReadUpToTheBoundAndSaysSo() throws Exception {
        HttpAnswer answer = HttpAnswer.receive(http, get("/long"), 10_000, Duration.ofSeconds(30));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.larger()).isTrue();
        assertThat(answer.body()).hasSize(10_000);
    }

    @Test
    void anAnswerThatComesSlowlyButSteadilyIsReadWhole() throws Exception {
        // a pause of 100 ms between parts, 2 s allowed: twenty times the gap, for a busy machine
        HttpAnswer answer = HttpAnswer.receive(http, get("/slowly"), 10_000, Duration.ofSeconds(2));
        assertThat(answer.larger()).isFalse();
        assertThat(answer.text()).startsWith("part 0;").endsWith("part 9;");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
    }
}
