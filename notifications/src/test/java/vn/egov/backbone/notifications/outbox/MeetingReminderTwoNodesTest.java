package vn.egov.backbone.notifications.outbox;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.MovableClock;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.notifications.testing.Mailbox;
import vn.egov.backbone.notifications.testing.NotificationsNode;
import vn.egov.backbone.notifications.testing.Officials;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A meeting's reminders are persistent deadlines: decided when the meeting is scheduled, kept in the database,
 * sent once by whichever of two nodes gets there, and still sent after a node restarts in between. Two nodes
 * share one database (the H2 file, opened by both within this JVM) and one movable clock.
 */
class MeetingReminderTwoNodesTest {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final MovableClock CLOCK = new MovableClock();

    /** Both nodes' clock: the same instance, moved once for both. */
    public static final class SharedClock {
        @Bean
        @Primary
        public MovableClock movableClock() {
            return CLOCK;
        }
    }

    @TempDir
    static Path dataDirs;
    static Mailbox mail;
    static RunningNode first;
    static RunningNode second;

    static RunningNode node(String name) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.url", "jdbc:h2:file:" + dataDirs.resolve("shared-database")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        settings.put("backbone.node-id", name);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", mail.port());
        settings.put("backbone.notifications.dispatch-every", "300ms");
        return RunningNode.start(NotificationsNode.class, settings, dataDirs.resolve(name), SharedClock.class);
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void aMeetingReminderIsSentOnceWithTwoNodesAndARestartInBetween() {
        mail = new Mailbox();
        first = node("node-a");
        second = node("node-b");
        Province province = new Province(first);
        String unit = province.unitId("TP.UBND");
        String chair = official(first, "chutich.nhac", "Trần Quốc Hưng", unit, "LEADER", "hung.tq@tinh.gov.vn");
        String secretary = official(first, "thuky.nhac", "Nguyễn Thị Mai", unit, "MEETING_SECRETARY", null);
        String member = official(first, "thanhvien.nhac", "Phạm Thị Hoa", unit, "LEADER", "hoa.pt@tinh.gov.vn");
        Api secretaryApi = Api.basic(first.baseUrl(), "thuky.nhac", "mật-khẩu-thuky.nhac");

        Instant startsAt = LocalDate.now(CLOCK.withZone(VIETNAM)).plusDays(3).atTime(9, 0).atZone(VIETNAM).toInstant();
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("title", "Họp rà soát tiến độ giải ngân vốn đầu tư công");
        meeting.put("kind", "IN_PERSON");
        meeting.put("chairId", chair);
        meeting.put("hostUnitId", unit);
        meeting.put("startsAt", startsAt.toString());
        meeting.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        meeting.put("location", "Phòng họp số 2, UBND tỉnh");
        meeting.put("endpointKinds", List.of());
        meeting.put("inviteeIds", List.of(member));
        meeting.put("secretaryId", secretary);
        Api.Response created = secretaryApi.post("/api/v1/meetings", meeting);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("hoa.pt@tinh.gov.vn", "Giấy mời họp").size() == 1);
        assertThat(mailTo("hung.tq@tinh.gov.vn", "Giấy mời họp")).hasSize(1);

        // one node restarts while the day passes
        first.close();
        CLOCK.advance(Duration.between(CLOCK.instant(), startsAt.minus(Duration.ofDays(1)).plusSeconds(60)));
        first = node("node-a");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("hoa.pt@tinh.gov.vn", "Nhắc lịch họp ngày mai").size() == 1);
        twoMoreDispatches();
        assertThat(mailTo("hoa.pt@tinh.gov.vn", "Nhắc lịch họp ngày mai")).as("sent once, not by each node").hasSize(1);
        assertThat(mailTo("hung.tq@tinh.gov.vn", "Nhắc lịch họp ngày mai")).hasSize(1);
        assertThat(mailTo("hoa.pt@tinh.gov.vn", "Một giờ nữa họp")).as("not before its time").isEmpty();

        CLOCK.advance(Duration.between(CLOCK.instant(), startsAt.minus(Duration.ofMinutes(59))));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("hoa.pt@tinh.gov.vn", "Một giờ nữa họp").size() == 1);
        twoMoreDispatches();
        assertThat(mailTo("hoa.pt@tinh.gov.vn")).extracting(Mailbox::subject)
                .containsExactlyInAnyOrder("Giấy mời họp: Họp rà soát tiến độ giải ngân vốn đầu tư công",
                        "Nhắc lịch họp ngày mai: Họp rà soát tiến độ giải ngân vốn đầu tư công",
                        "Một giờ nữa họp: Họp rà soát tiến độ giải ngân vốn đầu tư công");
    }

    /** Until the nodes together finished two more runs of the dispatcher: a duplicate would have gone by then. */
    static void twoMoreDispatches() {
        long runs = runs();
        await().atMost(Duration.ofSeconds(30)).until(() -> runs() >= runs + 2);
    }

    static long runs() {
        return first.bean(Dispatcher.class).completedRuns() + second.bean(Dispatcher.class).completedRuns();
    }

    static String official(RunningNode node, String username, String name, String unitId, String role, String email) {
        return Officials.register(node, username, name, unitId, role, "NONE", email).id();
    }

    static List<MimeMessage> mailTo(String address) {
        return mail.to(address);
    }

    static List<MimeMessage> mailTo(String address, String subjectPart) {
        return mail.to(address, subjectPart);
    }
}
