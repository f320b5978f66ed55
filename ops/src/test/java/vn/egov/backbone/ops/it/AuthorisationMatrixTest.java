package vn.egov.backbone.ops.it;

import vn.egov.backbone.onestop.dossier.DossiersApiTest;
import vn.egov.backbone.meetings.meeting.MeetingsApiTest;
import vn.egov.backbone.eoffice.document.EOfficeApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The authorisation matrix, generated: every write endpoint of the API (POST, PUT, PATCH, DELETE under
 * {@code /api/}, read from Spring MVC's own handler mappings, so a new endpoint is in the sweep the day
 * it is written) × three callers who must be refused × the objects of an agency and a commune none of
 * them belongs to (Sở Nội vụ's documents, meeting, work file, official and unit; a dossier of Xã Hòa
 * Bình). The callers are an official of that agency without any role, an official holding every role
 * in another agency, and one holding every role in another commune. The body of each request names the
 * target's agency and unit in every field a command takes them from, and the caller themself where a
 * command names an official, so that only the rules stand between the caller and the write.
 *
 * <p>Any 2xx fails the test, and so does any 5xx. Endpoints that only the citizen or the caller's own
 * account use ({@code /api/v1/public/**}, {@code /api/v1/me/**}) and prosody's callbacks (their own
 * secret, {@code /jitsi/**}) are outside the sweep; they have their own tests.
 */
class AuthorisationMatrixTest {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> EVERY_ROLE =
            List.of("RECORDS_CLERK", "LEADER", "SPECIALIST", "MEETING_SECRETARY", "ADMINISTRATOR");

    /**
     * Writes the rules do allow these callers, with the rule: a desk receives a citizen's dossier whatever
     * commune it belongs to (reception regardless of administrative boundaries); the dossier is filed at the
     * caller's own desk and routed to the competent agency, and touches nothing of the target's.
     */
    private static final Map<String, String> PERMITTED = Map.of(
            "every role, another agency: POST /api/v1/dossiers", "reception regardless of boundaries",
            "every role, another commune: POST /api/v1/dossiers", "reception regardless of boundaries");

    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static Province province;
    static Map<String, List<String>> targets = new HashMap<>();
    static Map<String, Official> callers = new LinkedHashMap<>();
    static String snv;
    static String hoaBinh;

    @BeforeAll
    static void start() {
        backbone = RunningBackbone.start(List.of(), Map.of(), dataDir);
        province = new Province(backbone);
        snv = province.unitId("TP.SNV");
        hoaBinh = province.unitId("TP.002");
        Official snvClerk = province.official("vanthu.snv.mt", "Vũ Thị Lan", "TP.SNV", "RECORDS_CLERK", "NONE");
        Official snvLeader = province.official("giamdoc.snv.mt", "Đặng Quốc Khánh", "TP.SNV", "LEADER", "NONE");
        Official snvSpecialist = province.official("chuyenvien.snv.mt", "Đỗ Văn Sơn", "TP.SNV", "SPECIALIST", "NONE");
        Official desk = province.official("motcua.hoabinh.mt", "Trần Thị Ngọc", "TP.002.UBND", "RECORDS_CLERK", "NONE");

        String incoming = EOfficeApiTest.register(snvClerk, EOfficeApiTest.incoming("Công văn của Sở Nội vụ", "NONE"));
        Api.Response draft = snvSpecialist.api().post("/api/v1/documents/outgoing", Map.of("type", "CONG_VAN",
                "subject", "Dự thảo của Sở Nội vụ", "externalRecipients", List.of("Bộ Nội vụ")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        Api.Response meeting = snvLeader.api().post("/api/v1/meetings", MeetingsApiTest.meeting("Giao ban Sở Nội vụ",
                "IN_PERSON", snvLeader.id(), snv, Instant.now().plus(Duration.ofDays(1)), List.of(snvSpecialist.id()),
                snvLeader.id(), List.of()));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        Api.Response workFile = snvClerk.api().post("/api/v1/work-files", Map.of("code", "01.NV", "title",
                "Hồ sơ công văn đến năm nay", "year", LocalDate.now().getYear(), "retentionYears", 10));
        assertThat(workFile.status()).as(workFile.toString()).isEqualTo(201);
        Api.Response dossier = desk.api().post("/api/v1/dossiers", DossiersApiTest.dossier("HT-01", hoaBinh));
        assertThat(dossier.status()).as(dossier.toString()).isEqualTo(201);

        targets.put("documents", List.of(incoming, draft.body().get("id").asText()));
        targets.put("meetings", List.of(meeting.body().get("id").asText()));
        targets.put("work-files", List.of(workFile.body().get("id").asText()));
        targets.put("officials", List.of(snvSpecialist.id()));
        targets.put("units", List.of(snv));
        targets.put("dossiers", List.of(dossier.body().get("id").asText()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                snvClerk.api().get("/api/v1/documents/" + draft.body().get("id").asText()).status() == 200);

        callers.put("no role, same agency", official("khong.vai.tro", "TP.SNV", List.of()));
        callers.put("every role, another agency", official("moi.vai.tro.tinh", "TP.UBND", EVERY_ROLE));
        callers.put("every role, another commune", official("moi.vai.tro.xa", "TP.001", EVERY_ROLE));
    }

    @AfterAll
    static void stop() {
        backbone.close();
    }

    static Official official(String username, String unitCode, List<String> roles) {
        String unitId = province.unitId(unitCode);
        String password = "mật-khẩu-" + username;
        Api.Response created = backbone.admin().post("/api/v1/officials", Map.of("username", username,
                "fullName", "Người thử " + username, "unitId", unitId, "password", password, "clearance", "TOP_SECRET",
                "roles", roles.stream().map(role -> Map.of("unitId", unitId, "role", role)).toList()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Official(created.body().get("id").asText(), unitId, Api.basic(backbone.baseUrl(), username, password));
    }

    record Endpoint(String method, String path, boolean multipart) {
    }

    static List<Endpoint> writeEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        Map<RequestMappingInfo, HandlerMethod> methods =
                backbone.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods();
        methods.forEach((info, handler) -> {
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(type -> type.getType().equals("multipart"));
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/") || path.startsWith("/api/v1/public/") || path.startsWith("/api/v1/me")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                        endpoints.add(new Endpoint(method.name(), path, multipart));
                    }
                }
            }
        });
        return endpoints;
    }

    @Test
    void noCallerOutsideTheRulesWritesThroughAnyEndpoint() {
        List<Endpoint> endpoints = writeEndpoints();
        assertThat(endpoints).as("the sweep sees the API's write endpoints").hasSizeGreaterThan(45);
        List<String> allowed = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        Map<Integer, Integer> answers = new TreeMap<>();
        for (Endpoint endpoint : endpoints) {
            for (String path : concrete(endpoint.path())) {
                for (Map.Entry<String, Official> caller : callers.entrySet()) {
                    Api.Response answer = send(caller.getValue(), endpoint, path);
                    answers.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 400 || answer.status() == 415) {
                        malformed.add(endpoint.method() + " " + endpoint.path());
                    }
                    boolean permitted = PERMITTED.containsKey(caller.getKey() + ": " + endpoint.method() + " " + endpoint.path());
                    if ((answer.status() < 400 && !permitted) || answer.status() >= 500) {
                        allowed.add(caller.getKey() + ": " + endpoint.method() + " " + path + " → " + answer);
                    }
                }
            }
        }
        System.out.println("Authorisation matrix: " + endpoints.size() + " write endpoints, answers " + answers
                + "; refused as malformed before the rules: " + new java.util.TreeSet<>(malformed));
        assertThat(allowed).as("writes that a caller outside the rules got through, or that failed with 5xx").isEmpty();
        assertThat(answers.getOrDefault(403, 0) + answers.getOrDefault(404, 0))
                .as("most requests are decided by the rules, not refused as malformed").isGreaterThan(endpoints.size());
    }

    /** The path with its variables replaced by the targets' ids (every target of its kind). */
    static List<String> concrete(String template) {
        List<String> paths = new ArrayList<>(List.of(template));
        Matcher variables = VARIABLE.matcher(template);
        while (variables.find()) {
            String variable = variables.group();
            List<String> values = values(template, variables.group(1), variables.start());
            List<String> expanded = new ArrayList<>();
            for (String path : paths) {
                for (String value : values) {
                    expanded.add(path.replace(variable, value));
                }
            }
            paths = expanded;
        }
        return paths;
    }

    private static List<String> values(String template, String name, int at) {
        String before = template.substring(0, at);
        return switch (name) {
            case "id" -> targets.entrySet().stream().filter(t -> before.endsWith("/" + t.getKey() + "/"))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of(UUID.randomUUID().toString()));
            case "agencyId" -> List.of(snv);
            case "name" -> List.of("documents");
            case "year" -> List.of(String.valueOf(LocalDate.now().getYear()));
            default -> List.of(UUID.randomUUID().toString());
        };
    }

    private static Api.Response send(Official caller, Endpoint endpoint, String path) {
        if (endpoint.multipart()) {
            String boundary = "----matrix" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            return caller.api().raw(endpoint.method(), path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
        }
        String query = endpoint.method().equals("DELETE") ? (path.contains("?") ? "&" : "?")
                + "unitId=" + snv + "&role=LEADER" : "";
        return caller.api().raw(endpoint.method(), path + query, "application/json", body(caller));
    }

    /** Every field a command takes its agency, unit or official from, pointed at the target or the caller. */
    private static String body(Official caller) {
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("agencyId", "unitId", "hostUnitId", "parentId", "targetUnitId")) {
            body.put(field, snv);
        }
        body.put("communeId", hoaBinh);
        body.put("sourceUnitIds", List.of(snv, hoaBinh));
        body.put("channel", "DESK");
        body.put("task", "Thẩm định hồ sơ");
        body.put("days", 3);
        body.put("extraDays", 2);
        body.put("amountVnd", 50_000);
        body.put("purpose", "Lệ phí");
        for (String field : List.of("approverId", "reviewerId", "chairId", "secretaryId", "toOfficialId", "officialId",
                "deputyId", "presenterId", "speakerId")) {
            body.put(field, caller.id());
        }
        body.put("inviteeIds", List.of(caller.id()));
        body.put("lead", Map.of("kind", "OFFICIAL", "id", caller.id()));
        body.put("role", "LEADER");
        body.put("clearance", "TOP_SECRET");
        for (String field : List.of("reason", "comment", "note", "result", "instruction", "text", "decision", "body",
                "title", "location", "question")) {
            body.put(field, "Nội dung thử quyền");
        }
        body.put("subject", "Văn bản thử quyền");
        body.put("type", "CONG_VAN");
        body.put("name", "Đơn vị thử quyền");
        body.put("fullName", "Cán bộ thử quyền");
        body.put("code", "TP.SNV.X" + UUID.randomUUID().toString().substring(0, 4));
        body.put("kind", "DEPARTMENT");
        body.put("username", "thu.quyen." + UUID.randomUUID().toString().substring(0, 6));
        body.put("password", "mật-khẩu-thử-quyền");
        body.put("newPassword", "mật-khẩu-thử-quyền");
        body.put("accepted", true);
        body.put("choice", "FOR");
        body.put("version", 1);
        body.put("year", LocalDate.now().getYear());
        body.put("retentionYears", 5);
        body.put("startsAt", Instant.now().plus(Duration.ofDays(2)).toString());
        body.put("endsAt", Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofHours(2)).toString());
        body.put("number", "99/CV-TQ");
        body.put("issuer", "Cơ quan thử quyền");
        body.put("issuedOn", LocalDate.now().minusDays(1).toString());
        body.put("documentId", targets.get("documents").get(0));
        body.put("eofficeDocumentId", targets.get("documents").get(0));
        body.put("procedureCode", "HT-01");
        body.put("applicant", Map.of("name", "Nguyễn Văn Bình", "idNumber", "001090012345"));
        body.put("components", 1);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
