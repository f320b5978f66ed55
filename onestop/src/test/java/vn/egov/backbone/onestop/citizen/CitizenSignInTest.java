package vn.egov.backbone.onestop.citizen;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.onestop.testing.OneStopNode;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Citizens sign in against a real OpenID Connect provider running in the test JVM (NAV's mock-oauth2-server:
 * discovery, authorize, token and JWKS endpoints, RS256-signed ID tokens). Its token endpoint is reached
 * through a proxy in the test that can alter the ID token on the way, as an attacker between them would.
 */
class CitizenSignInTest {
    static final String CLIENT = "backbone-dichvucong";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;
    static MockOAuth2Server vneid;
    static HttpServer tokenProxy;
    static volatile boolean tamper;
    /** While set, the token endpoint takes the request and says nothing: a provider that hangs. */
    static volatile java.util.concurrent.CountDownLatch silent;
    static RunningNode backbone;
    static Province province;

    @BeforeAll
    static void start() throws IOException {
        vneid = new MockOAuth2Server();
        vneid.start();
        tokenProxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokenProxy.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        tokenProxy.createContext("/token", exchange -> {
            byte[] form = exchange.getRequestBody().readAllBytes();
            java.util.concurrent.CountDownLatch hang = silent;
            if (hang != null) {
                try {
                    hang.await(120, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(vneid.tokenEndpointUrl("vneid").uri())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form))
                    .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                forward.header("Authorization", authorization);
            }
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(forward.build(), HttpResponse.BodyHandlers.ofString());
                String body = answer.body();
                if (tamper) {
                    body = withIdNumberChanged(body);
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.statusCode(), bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
            exchange.close();
        });
        tokenProxy.start();
        Map<String, Object> settings = new HashMap<>();
        String registration = "spring.security.oauth2.client.registration.vneid.";
        settings.put(registration + "client-id", CLIENT);
        settings.put(registration + "client-secret", "bí-mật-của-ứng-dụng");
        settings.put(registration + "scope", "openid,profile");
        settings.put("spring.security.oauth2.client.provider.vneid.issuer-uri", vneid.issuerUrl("vneid").toString());
        settings.put("spring.security.oauth2.client.provider.vneid.token-uri",
                "http://127.0.0.1:" + tokenProxy.getAddress().getPort() + "/token");
        settings.put("backbone.public.id-number-claim", "so_dinh_danh");
        settings.put("backbone.public.name-claim", "ho_ten");
        settings.put("backbone.public.verified-identity-required", "HT-01");
        settings.put("backbone.public.provider-timeout", "2s");
        backbone = RunningNode.start(OneStopNode.class, settings, dataDir);
        province = new Province(backbone);
    }

    @AfterAll
    static void stop() throws IOException {
        backbone.close();
        tokenProxy.stop(0);
        vneid.shutdown();
    }

    /** A browser: its own cookies, following redirects by hand so that each hop can be looked at. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final List<URI> hops = new java.util.ArrayList<>();

        HttpResponse<String> get(String url) throws Exception {
            return follow(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        /** As {@link #get}, each hop given up after {@code within}. */
        HttpResponse<String> getWithin(String url, Duration within) throws Exception {
            timeout = within;
            try {
                return follow(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(within).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            } finally {
                timeout = null;
            }
        }

        private Duration timeout;

        HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return follow(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        /** A form with files, as a browser posts it (multipart/form-data). */
        HttpResponse<String> postFiles(String url, Map<String, String> fields, Map<String, byte[]> files) throws Exception {
            String boundary = "----BackboneTest" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (var field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (var file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getKey()
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return follow(http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString()));
        }

        private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            int hopsLeft = 10;
            while (response.statusCode() / 100 == 3 && hopsLeft-- > 0) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                hops.add(next);
                HttpRequest.Builder hop = HttpRequest.newBuilder(next).GET();
                if (timeout != null) {
                    hop.timeout(timeout);
                }
                response = http.send(hop.build(), HttpResponse.BodyHandlers.ofString());
            }
            return response;
        }
    }

    static void vneidWillVouchFor(String idNumber, String name, long expirySeconds) {
        vneid.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-subject-" + idNumber, "JWT", List.of(CLIENT),
                Map.of("so_dinh_danh", idNumber, "ho_ten", name), expirySeconds));
    }

    static Browser signedIn(String idNumber, String name) throws Exception {
        vneidWillVouchFor(idNumber, name, 3600);
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(backbone.baseUrl() + "/citizen/dossiers");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/citizen/dossiers");
        return browser;
    }

    @Test
    void aCitizenSignsInWithPkceSubmitsWithAVerifiedIdentityAndSeesOnlyTheirOwnDossiers() throws Exception {
        Browser dan = signedIn("001090077777", "Nguyễn Văn Dân");
        URI authorize = dan.hops.stream().filter(u -> u.getPath().endsWith("/vneid/authorize")).findFirst().orElseThrow();
        assertThat(authorize.getQuery()).contains("code_challenge=", "code_challenge_method=S256", "nonce=",
                "response_type=code", "client_id=" + CLIENT);

        HttpResponse<String> form = dan.get(backbone.baseUrl() + "/citizen/dossiers/new");
        assertThat(form.body()).contains("Danh tính đã được xác thực qua VNeID", "Nguyễn Văn Dân", "001090077777");
        HttpResponse<String> submitted = dan.post(backbone.baseUrl() + "/citizen/dossiers/new", Map.of(
                "_csrf", csrf(form.body()), "procedureCode", "HT-01", "communeId", province.unitId("TP.001"),
                "components", "1", "phone", "0912000111", "consentPhone", "true",
                // typed names and numbers are ignored: the identity is the provider's
                "name", "Kẻ Mạo Danh", "idNumber", "001090099999"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        Matcher code = Pattern.compile("id=\"submitted-code\">([A-Z0-9-]+)<").matcher(submitted.body());
        assertThat(code.find()).as(submitted.body()).isTrue();

        HttpResponse<String> mine = dan.get(backbone.baseUrl() + "/citizen/dossiers");
        assertThat(mine.body()).contains(code.group(1), "Nguyễn Văn Dân");

        // the event records the identity as verified, by whom, and the applicant as the token named them
        JdbcClient jdbc = JdbcClient.create(backbone.bean(DataSource.class));
        String applicantId = jdbc.sql("SELECT applicant_id_number FROM dossier_view WHERE tracking_code = :code")
                .param("code", code.group(1)).query(String.class).single();
        assertThat(applicantId).isEqualTo("001090077777");
        String event = new String(jdbc.sql("SELECT e.payload FROM domain_event_entry e JOIN dossier_view d ON"
                + " d.id = e.aggregate_identifier WHERE d.tracking_code = :code AND e.sequence_number = 0")
                .param("code", code.group(1)).query(byte[].class).single(), StandardCharsets.UTF_8);
        assertThat(event).contains("\"verification\":\"VNEID\"", vneid.issuerUrl("vneid").toString().replaceAll("/$", ""))
                .doesNotContain("vneid-subject-");

        // the procedure needs a verified identity: typed, it is refused
        Api.Response typed = Api.anonymous(backbone.baseUrl()).post("/api/v1/public/dossiers", Map.of(
                "procedureCode", "HT-01", "communeId", province.unitId("TP.001"), "components", 1,
                "applicant", Map.of("name", "Nguyễn Văn Dân", "idNumber", "001090077777")));
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.body().get("code").asText()).isEqualTo("dossier.sign-in-with-vneid");

        // another citizen sees nothing of it
        Browser other = signedIn("001090088888", "Lê Thị Khác");
        HttpResponse<String> theirs = other.get(backbone.baseUrl() + "/citizen/dossiers");
        assertThat(theirs.body()).doesNotContain(code.group(1), "Nguyễn Văn Dân").contains("chưa có hồ sơ nào");

        // a citizen's session does not open officials' pages, nor an official's the citizens'
        HttpResponse<String> desk = dan.get(backbone.baseUrl() + "/dossiers");
        assertThat(desk.statusCode()).as("the desk's list of dossiers, to a citizen").isEqualTo(403);
        assertThat(desk.body()).doesNotContain(code.group(1));
        Browser admin = new Browser();
        HttpResponse<String> login = admin.get(backbone.baseUrl() + "/public/dossiers/new"); // any form gives the session its CSRF token
        HttpResponse<String> home = admin.post(backbone.baseUrl() + "/login", Map.of("_csrf", csrf(login.body()),
                "username", "admin", "password", RunningNode.ADMIN_PASSWORD));
        assertThat(home.uri().getPath()).isNotEqualTo("/login");
        HttpResponse<String> citizensPage = admin.get(backbone.baseUrl() + "/citizen/dossiers");
        assertThat(citizensPage.statusCode()).as("an official's session is no citizen's sign-in").isEqualTo(403);
        assertThat(citizensPage.body()).doesNotContain(code.group(1));
    }

    /**
     * A provider that takes the request and never answers fails the sign-in after the provider timeout; before, the
     * citizen's request (a server thread) waited for as long as the provider did — during an outage of VNeID, enough
     * citizens trying would have held every thread of the server, the officials' work with them.
     */
    @Test
    void aProviderThatDoesNotAnswerFailsTheSignInInsteadOfHoldingTheRequest() throws Exception {
        silent = new java.util.concurrent.CountDownLatch(1);
        try {
            vneidWillVouchFor("001090066666", "Lê Thị Chờ", 3600);
            Browser waiting = new Browser();
            // the browser waits a minute: thirty times the provider timeout the node is given, for a busy machine
            HttpResponse<String> page = waiting.getWithin(backbone.baseUrl() + "/citizen/dossiers", Duration.ofSeconds(60));
            assertThat(page.uri().getPath()).isEqualTo("/public/sign-in");
            assertThat(page.body()).contains("Đăng nhập không thành công");
        } finally {
            silent.countDown();
            silent = null;
        }
    }

    @Test
    void aTamperedOrExpiredIdTokenIsNotASignIn() throws Exception {
        tamper = true;
        try {
            vneidWillVouchFor("001090055555", "Trần Văn Thật", 3600);
            Browser forged = new Browser();
            HttpResponse<String> page = forged.get(backbone.baseUrl() + "/citizen/dossiers");
            assertThat(page.uri().getPath()).isEqualTo("/public/sign-in");
            assertThat(page.body()).contains("Đăng nhập không thành công");
            assertThat(forged.get(backbone.baseUrl() + "/citizen/dossiers").uri().getPath()).isNotEqualTo("/citizen/dossiers");
        } finally {
            tamper = false;
        }

        // expired two minutes ago (beyond the one minute of clock skew Spring Security allows)
        vneidWillVouchFor("001090055555", "Trần Văn Thật", -120);
        Browser late = new Browser();
        HttpResponse<String> page = late.get(backbone.baseUrl() + "/citizen/dossiers");
        assertThat(page.uri().getPath()).isEqualTo("/public/sign-in");
        assertThat(page.body()).contains("Đăng nhập không thành công");
    }

    @Test
    void aCitizenAnswersASupplementRequestWithFilesAndRatesTheResult() throws Exception {
        Browser lan = signedIn("001090066666", "Vũ Thị Lan");
        HttpResponse<String> form = lan.get(backbone.baseUrl() + "/citizen/dossiers/new");
        HttpResponse<String> submitted = lan.post(backbone.baseUrl() + "/citizen/dossiers/new", Map.of(
                "_csrf", csrf(form.body()), "procedureCode", "HT-01", "communeId", province.unitId("TP.001"), "components", "1"));
        Matcher found = Pattern.compile("id=\"submitted-code\">([A-Z0-9-]+)<").matcher(submitted.body());
        assertThat(found.find()).isTrue();
        String code = found.group(1);
        JdbcClient jdbc = JdbcClient.create(backbone.bean(DataSource.class));
        String id = jdbc.sql("SELECT id FROM dossier_view WHERE tracking_code = :code").param("code", code)
                .query(String.class).single();
        Official desk = province.official("motcua.bosung", "Vàng Thị Mỷ", "TP.001.UBND", "RECORDS_CLERK", "NONE");
        assertThat(desk.api().post("/api/v1/dossiers/" + id + "/supplement-request",
                Map.of("reason", "Thiếu bản chụp giấy chứng sinh")).status()).isEqualTo(204);

        String page = backbone.baseUrl() + "/citizen/dossiers/" + code;
        HttpResponse<String> asked = lan.get(page);
        assertThat(asked.body()).contains("Thiếu bản chụp giấy chứng sinh", "Gửi bổ sung");
        byte[] pdf = ("%PDF-1.4\n% giấy chứng sinh\n" + "x".repeat(2000) + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);

        // hostile or wrong uploads: a program named .pdf, a file over 10 MB; refused in Vietnamese, nothing kept
        HttpResponse<String> program = lan.postFiles(page + "/supplement", Map.of("_csrf", csrf(asked.body())),
                Map.of("giay-chung-sinh.pdf", "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(program.body()).contains("Chỉ nhận tệp PDF, JPG hoặc PNG.");
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, huge, 0, pdf.length);
        HttpResponse<String> tooLarge = lan.postFiles(page + "/supplement", Map.of("_csrf", csrf(asked.body())),
                Map.of("lon.pdf", huge));
        assertThat(tooLarge.body()).contains("Mỗi tệp không quá 10 MB.");
        // another citizen cannot answer for this dossier, nor see it
        Browser other = signedIn("001090044444", "Đỗ Văn Khác");
        HttpResponse<String> theirs = other.postFiles(page + "/supplement", Map.of("_csrf",
                csrf(other.get(backbone.baseUrl() + "/citizen/dossiers/new").body())), Map.of("a.pdf", pdf));
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(desk.api().get("/api/v1/dossiers/" + id + "/supplied-files").body().size()).isZero();

        HttpResponse<String> sent = lan.postFiles(page + "/supplement", Map.of("_csrf", csrf(asked.body()),
                "note", "Gửi bản chụp giấy chứng sinh"), Map.of("CCCD_Vu_Thi_Lan.pdf", pdf));
        assertThat(sent.body()).contains("Đã gửi hồ sơ bổ sung", "bo-sung-1.pdf").doesNotContain("CCCD_Vu_Thi_Lan");
        var files = desk.api().get("/api/v1/dossiers/" + id + "/supplied-files").body();
        assertThat(files.size()).isEqualTo(1);
        String sha = files.get(0).get("sha256").asText();
        var download = desk.api().getBytes("/api/v1/dossiers/" + id + "/supplied-files/" + sha);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        Official outsider = province.official("motcua.khac", "Hà Thị Xa", "TP.003.UBND", "RECORDS_CLERK", "NONE");
        assertThat(outsider.api().get("/api/v1/dossiers/" + id + "/supplied-files/" + sha).status()).isEqualTo(404);

        // the desk receives the supplement and the dossier, the commune decides, the result is returned
        assertThat(desk.api().post("/api/v1/dossiers/" + id + "/supplement", Map.of()).status()).isEqualTo(204);
        assertThat(desk.api().post("/api/v1/dossiers/" + id + "/reception", Map.of()).status()).isEqualTo(204);
        assertThat(desk.api().post("/api/v1/dossiers/" + id + "/resolution", Map.of()).status()).isEqualTo(204);
        assertThat(desk.api().post("/api/v1/dossiers/" + id + "/result-return", Map.of()).status()).isEqualTo(204);
        HttpResponse<String> returned = lan.get(page);
        assertThat(returned.body()).contains("Đánh giá mức độ hài lòng");
        HttpResponse<String> rated = lan.post(page + "/rating", Map.of("_csrf", csrf(returned.body()), "score", "5"));
        assertThat(rated.body()).contains("Đã ghi nhận đánh giá", "Cảm ơn Ông/Bà đã đánh giá.");
        assertThat(jdbc.sql("SELECT satisfaction FROM dossier_view WHERE id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(5);

        // erasing the applicant's data takes the files they supplied with it
        assertThat(backbone.admin().post("/api/v1/dossiers/" + id + "/personal-data-erasure",
                Map.of("legalBasis", "Yêu cầu của người dân")).status()).isIn(200, 204);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !java.nio.file.Files.exists(dataDir.resolve("dossier-files").resolve(id)));
        assertThat(desk.api().get("/api/v1/dossiers/" + id + "/supplied-files/" + sha).status()).isEqualTo(404);
    }

    /** The ID token with another identity number in its payload, header and signature kept. */
    static String withIdNumberChanged(String tokenResponse) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(tokenResponse);
        if (!json.has("id_token")) {
            return tokenResponse;
        }
        String[] parts = json.get("id_token").asText().split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("so_dinh_danh", "001090012345");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims));
        json.put("id_token", String.join(".", parts));
        return JSON.writeValueAsString(json);
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the form").isTrue();
        return m.group(1);
    }
}
