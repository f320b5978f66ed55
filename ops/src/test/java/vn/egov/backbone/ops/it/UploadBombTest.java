package vn.egov.backbone.ops.it;

import vn.egov.backbone.meetings.meeting.MeetingsApiTest;
import vn.egov.backbone.eoffice.attachment.OfficeFiles;
import vn.egov.backbone.eoffice.document.EOfficeApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.eoffice.attachment.ZipBombs;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The attack of the security review, repeated: compression bombs uploaded at once by a records clerk
 * (a document's attachments) and a meeting's chair (meeting documents) — one DOCX inflating to 1 GiB,
 * two to 384 MiB — while other officials keep registering and reading. Runs in its own JVM with a
 * 512 MB heap (surefire execution {@code bounded-heap} in ops/pom.xml), where the review's single
 * 1 GiB bomb took the server down: every bomb must be refused with a Vietnamese 400, every other
 * request must succeed, readiness must stay UP, and nothing of the bombs may stay on disk.
 */
class UploadBombTest {
    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static Province province;
    static Official clerk, leader, chair, secretary;

    @BeforeAll
    static void start() {
        backbone = RunningBackbone.start(List.of(), Map.of(), dataDir);
        province = new Province(backbone);
        clerk = province.official("vanthu.bom", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
        leader = province.official("lanhdao.bom", "Lê Văn Hùng", "TP.UBND", "LEADER", "NONE");
        chair = province.official("chutich.bom", "Trần Quốc Hưng", "TP.UBND", "LEADER", "NONE");
        secretary = province.official("thuky.bom", "Nguyễn Thị Mai", "TP.UBND", "MEETING_SECRETARY", "NONE");
    }

    @AfterAll
    static void stop() {
        backbone.close();
    }

    @Test
    void bombsUploadedTogetherAreRefusedWhileEveryoneElseKeepsWorking() throws Exception {
        assertThat(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax())
                .as("run with the bounded heap of the bounded-heap execution").isLessThanOrEqualTo(600L << 20);
        String documentId = EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Báo cáo tình hình mưa lũ", "NONE"));
        Api.Response meeting = secretary.api().post("/api/v1/meetings", MeetingsApiTest.meeting("Họp ứng phó mưa lũ",
                "IN_PERSON", chair.id(), province.unitId("TP.UBND"), java.time.Instant.now().plus(Duration.ofDays(1)),
                List.of(leader.id()), secretary.id(), List.of()));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        String meetingId = meeting.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> chair.api().get("/api/v1/meetings/" + meetingId).status() == 200);

        byte[] gibibyte = ZipBombs.docx(1L << 30);
        byte[] large = ZipBombs.docx(384L << 20);
        byte[] lying = ZipBombs.lying(large, 4096);

        AtomicBoolean bombing = new AtomicBoolean(true);
        AtomicInteger otherRequests = new AtomicInteger();
        List<String> otherFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
                // bounded: stops when the bombs are answered, or after 300 rounds at most
                for (int round = 0; round < 300 && (bombing.get() || round < 3); round++) {
                    Api.Response registered = clerk.api().post("/api/v1/documents/incoming",
                            EOfficeApiTest.incoming("Công văn số " + round + " về phòng chống thiên tai", "NONE"));
                    Api.Response read = leader.api().get("/api/v1/documents/" + documentId);
                    otherRequests.addAndGet(2);
                    if (registered.status() != 201) {
                        otherFailures.add(registered.toString());
                    }
                    if (read.status() != 200) {
                        otherFailures.add(read.toString());
                    }
                }
            }, pool);
            List<CompletableFuture<Api.Response>> bombs = new ArrayList<>();
            bombs.add(CompletableFuture.supplyAsync(() -> EOfficeApiTest.upload(clerk, documentId, "bao-cao.docx", gibibyte), pool));
            bombs.add(CompletableFuture.supplyAsync(() -> EOfficeApiTest.upload(clerk, documentId, "phu-luc.docx", large), pool));
            bombs.add(CompletableFuture.supplyAsync(() -> EOfficeApiTest.upload(chair.api(),
                    "/api/v1/meetings/" + meetingId + "/documents", "tai-lieu-hop.docx", lying), pool));
            for (CompletableFuture<Api.Response> bomb : bombs) {
                Api.Response answer = bomb.get();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
                assertThat(answer.body().get("code").asText()).isEqualTo("attachment.compression-bomb");
                assertThat(answer.body().get("detail").asText()).contains("bom nén");
            }
            bombing.set(false);
            others.get();
        } finally {
            bombing.set(false);
            pool.shutdownNow();
        }
        assertThat(otherFailures).isEmpty();
        assertThat(otherRequests.get()).isGreaterThanOrEqualTo(6);
        Api.Response readiness = Api.anonymous(backbone.baseUrl()).get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(clerk.api().get("/api/v1/documents/" + documentId).body().get("attachments").size()).isZero();
        try (Stream<Path> files = Files.walk(dataDir.resolve("attachments"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("no part of a bomb left on disk").isEmpty();
        }
        // and an honest office file is still taken
        Api.Response honest = EOfficeApiTest.upload(clerk, documentId, "ke-hoach.docx",
                OfficeFiles.docx("Kế hoạch ứng phó mưa lũ năm 2026"));
        assertThat(honest.status()).as(honest.toString()).isEqualTo(201);
    }
}
