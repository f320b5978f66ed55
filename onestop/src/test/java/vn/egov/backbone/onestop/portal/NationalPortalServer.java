package vn.egov.backbone.onestop.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import vn.egov.backbone.core.testing.HttpAnswers;
import vn.egov.backbone.core.testing.StandInServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The National Public Service Portal's integration adapter, as the provinces' systems call it (OpenCPS v2,
 * {@code DVCQGIntegrationActionImpl}): {@code POST /auth} gives a session for the right user, password and
 * {@code dstcode}; {@code POST /integration} answers {@code TraCuuHoSo}, {@code DongBoHoSoMC} (creating a dossier
 * that exists, or updating one that does not, is an error, as is a field in the wrong format) and
 * {@code CapNhatTienDoHoSoMC}, with {@code error_code} "00" when it took the call. It can fail as a real server
 * does: down, 500 before or after doing the work (an answer lost on the way back), too slow to answer, a
 * non-zero error code, sessions that expire.
 */
final class NationalPortalServer extends StandInServer<NationalPortalServer.Fault> {
    static final String USERNAME = "tichhop.thunghiem";
    static final String PASSWORD = "mat-khau-tich-hop";
    static final String DSTCODE = "000.00.00.H99";
    static final String AGENCY = "000.00.00.H99";
    private static final Pattern PORTAL_TIME = Pattern.compile("\\d{14}");

    /** STALLED_ANSWER: the answer's first bytes, then silence with the connection open (a link that went quiet). */
    enum Fault { HTTP_500, ANSWER_LOST, TOO_SLOW, STALLED_ANSWER, ERROR_CODE, SESSION_EXPIRED }

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonNode> dossiers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> creations = new ConcurrentHashMap<>();
    private final List<JsonNode> progress = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger signIns = new AtomicInteger();

    NationalPortalServer() {
        server.createContext("/auth", this::auth);
        server.createContext("/integration", this::integration);
        start();
    }

    JsonNode dossier(String code) {
        return dossiers.get(code);
    }

    int creations(String code) {
        return creations.getOrDefault(code, new AtomicInteger()).get();
    }

    List<JsonNode> progress(String code) {
        synchronized (progress) {
            return progress.stream().filter(line -> line.path("MaHoSo").asText().equals(code)).toList();
        }
    }

    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    int signIns() {
        return signIns.get();
    }

    private void auth(HttpExchange exchange) throws IOException {
        if (isDown()) {
            HttpAnswers.json(exchange, 503, "{\"message\":\"Service Unavailable\"}");
            return;
        }
        JsonNode body = json.readTree(exchange.getRequestBody());
        if (!DSTCODE.equals(exchange.getRequestHeaders().getFirst("dstcode"))
                || !USERNAME.equals(body.path("username").asText()) || !PASSWORD.equals(body.path("password").asText())) {
            HttpAnswers.json(exchange, 200, "{\"error_code\":\"401\",\"message\":\"Sai thông tin xác thực\"}");
            return;
        }
        String session = "S" + signIns.incrementAndGet();
        sessions.add(session);
        HttpAnswers.json(exchange, 200, json.createObjectNode().put("error_code", 0).put("session", session).toString());
    }

    private void integration(HttpExchange exchange) throws IOException {
        if (isDown()) {
            HttpAnswers.json(exchange, 503, "{\"message\":\"Service Unavailable\"}");
            return;
        }
        JsonNode body = json.readTree(exchange.getRequestBody());
        String service = body.path("service").asText();
        Fault fault = nextFault(service);
        if (fault == Fault.HTTP_500) {
            HttpAnswers.json(exchange, 500, "Internal Server Error");
            return;
        }
        if (fault == Fault.TOO_SLOW) {
            HttpAnswers.stall(4_000);
            HttpAnswers.json(exchange, 504, "Gateway Timeout");
            return;
        }
        if (fault == Fault.STALLED_ANSWER) {
            // until the test ends and the stand-in is closed
            HttpAnswers.stopsAfter(exchange, "{\"error_code\":", 90_000, "0}");
            return;
        }
        if (fault == Fault.ERROR_CODE) {
            HttpAnswers.json(exchange, 200, "{\"error_code\":\"99\",\"message\":\"Hệ thống đang bận\"}");
            return;
        }
        if (fault == Fault.SESSION_EXPIRED) {
            sessions.clear();
        }
        if (!DSTCODE.equals(exchange.getRequestHeaders().getFirst("dstcode"))
                || !sessions.contains(body.path("session").asText()) || !AGENCY.equals(body.path("madonvi").asText())) {
            HttpAnswers.json(exchange, 200, "{\"error_code\":\"403\",\"message\":\"Phiên làm việc không hợp lệ\"}");
            return;
        }
        ObjectNode result = switch (service) {
            case "TraCuuHoSo" -> lookUp(body.path("mahoso").asText());
            case "DongBoHoSoMC" -> synchronise(body);
            case "CapNhatTienDoHoSoMC" -> progress(body);
            default -> refuse("Dịch vụ không tồn tại: " + service);
        };
        HttpAnswers.json(exchange, fault == Fault.ANSWER_LOST ? 500 : 200, fault == Fault.ANSWER_LOST ? "Bad Gateway" : result.toString());
    }

    private ObjectNode lookUp(String code) {
        ObjectNode answer = json.createObjectNode().put("error_code", "00");
        if (dossiers.containsKey(code)) {
            answer.putArray("result").add(dossiers.get(code));
        } else {
            answer.putArray("result");
        }
        return answer;
    }

    private ObjectNode synchronise(JsonNode body) {
        boolean updating = "True".equals(body.path("isUpdating").asText());
        for (JsonNode dossier : body.path("data")) {
            String code = dossier.path("MaHoSo").asText();
            String problem = code.isBlank() ? "Thiếu MaHoSo"
                    : dossier.path("MaTTHC").asText().isBlank() ? "Thiếu MaTTHC"
                    : !dossier.path("TrangThaiHoSo").asText().matches("[1-9]|10") ? "TrangThaiHoSo không hợp lệ"
                    : !time(dossier, "NgayTiepNhan") || !time(dossier, "NgayHenTra") || !time(dossier, "NgayTra")
                    ? "Ngày không đúng định dạng yyyyMMddHHmmss"
                    : !updating && dossiers.containsKey(code) ? "Hồ sơ " + code + " đã tồn tại"
                    : updating && !dossiers.containsKey(code) ? "Hồ sơ " + code + " chưa được đồng bộ" : null;
            if (problem != null) {
                return refuse(problem);
            }
        }
        for (JsonNode dossier : body.path("data")) {
            String code = dossier.path("MaHoSo").asText();
            if (!updating) {
                creations.computeIfAbsent(code, key -> new AtomicInteger()).incrementAndGet();
            }
            dossiers.put(code, dossier);
        }
        return json.createObjectNode().put("error_code", "00").put("message", "Thành công");
    }

    private ObjectNode progress(JsonNode body) {
        for (JsonNode line : body.path("data")) {
            if (!dossiers.containsKey(line.path("MaHoSo").asText())) {
                return refuse("Hồ sơ chưa được đồng bộ: " + line.path("MaHoSo").asText());
            }
            if (!PORTAL_TIME.matcher(line.path("ThoiDiemXuLy").asText()).matches() || line.path("NoiDungXuLy").asText().isBlank()) {
                return refuse("Tiến độ thiếu thời điểm hoặc nội dung xử lý");
            }
        }
        body.path("data").forEach(progress::add);
        return json.createObjectNode().put("error_code", "00");
    }

    private boolean time(JsonNode dossier, String field) {
        String value = dossier.path(field).asText();
        return value.isEmpty() || PORTAL_TIME.matcher(value).matches();
    }

    private ObjectNode refuse(String problem) {
        refusals.add(problem);
        return json.createObjectNode().put("error_code", "-1").put("message", problem);
    }




}
