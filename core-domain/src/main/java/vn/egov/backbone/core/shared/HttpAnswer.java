package vn.egov.backbone.core.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An external system's answer, read with bounds the JDK's {@link HttpClient} does not set: at most {@code maxBytes}
 * of its body, and no longer than {@code silence} waiting for the next bytes. The request's own timeout ends when the
 * answer's headers arrive (HttpRequest.Builder#timeout: "if the response is not received within the specified
 * timeout"); a body that stops coming afterwards — a link gone silent without closing, as a VPN or NAT drops a
 * connection — held the calling thread until TCP gave up, hours later (measured with {@code ofString()}: a 2 s
 * timeout, an answer stopped after its first bytes for 15 s, and the call returned after 15 s).
 *
 * @param status the HTTP status
 * @param body   the body's first bytes, at most {@code maxBytes}
 * @param larger whether the body went on past {@code maxBytes} (the rest was not read)
 */
public record HttpAnswer(int status, byte[] body, boolean larger) {
    private static final ScheduledThreadPoolExecutor SILENCE_WATCH = silenceWatch();

    /** No bytes of the answer's body came for the allowed silence; the connection was closed. */
    public static final class Silent extends IOException {
        Silent(Duration silence) {
            super("no bytes of the answer for " + silence.toMillis() + " ms");
        }
    }

    /** Sends the request and reads its answer within the bounds. */
    public static HttpAnswer receive(HttpClient http, HttpRequest request, int maxBytes, Duration silence)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] read = read(in, maxBytes, silence);
            boolean larger = read.length > maxBytes;
            return new HttpAnswer(response.statusCode(), larger ? java.util.Arrays.copyOf(read, maxBytes) : read, larger);
        }
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** At most one byte past {@code max}; a read that waits longer than {@code silence} is cut by closing the stream. */
    private static byte[] read(InputStream in, int max, Duration silence) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        AtomicBoolean silenced = new AtomicBoolean();
        while (out.size() <= max) {
            ScheduledFuture<?> cut = SILENCE_WATCH.schedule(() -> {
                silenced.set(true);
                closeQuietly(in);
            }, silence.toMillis(), TimeUnit.MILLISECONDS);
            int read;
            try {
                read = in.read(buffer, 0, Math.min(buffer.length, max + 1 - out.size()));
            } catch (IOException e) {
                if (silenced.get()) {
                    throw new Silent(silence);
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
            Thread thread = new Thread(runnable, "http-answer-silence-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.setRemoveOnCancelPolicy(true);
        return watch;
    }
}
