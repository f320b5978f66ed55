package vn.egov.backbone.onestop.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.backbone.core.shared.RetryPause;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.DossierQueries;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.onestop.dossier.api.DossierView;
import vn.egov.backbone.onestop.settings.OneStopProperties;
import vn.egov.backbone.onestop.settings.OneStopProperties.NationalPortal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Sends the portal what it must learn: for each dossier due, the whole dossier as it is now
 * ({@code DongBoHoSoMC}: created the first time, updated after), then the lines of its processing log not yet
 * sent ({@code CapNhatTienDoHoSoMC}). At least once and idempotent per dossier: a dossier is marked synchronised
 * only after both calls succeeded, so a call that failed or whose answer was lost is made again; before creating
 * a dossier it never confirmed, Backbone asks whether the portal has it ({@code TraCuuHoSo}), so an answer lost on
 * the way back never creates it twice. A failure is tried again after {@code first-retry-after}, doubling up to
 * {@code max-retry-pause}. One db-scheduler task for the cluster (one node at a time runs it).
 *
 * <p>Field names and formats follow the provinces' systems (OpenCPS v2's {@code DVCQGIntegrationActionImpl}):
 * dates {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh, statuses 1–10. Not confirmed by a published specification
 * of the portal: {@code KenhThucHien}, the appointment's time of day (Backbone keeps a date; sent as 17:00), and
 * the shape of {@code DanhSachHoSoBoSung}'s entries. All of it is written here and nowhere else.
 */
@Configuration(proxyBeanMethods = false)
class PortalSynchroniser {
    private static final Logger LOG = LoggerFactory.getLogger(PortalSynchroniser.class);
    private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(DisplayDates.VIETNAM);
    private static final LocalTime APPOINTMENT_TIME = LocalTime.of(17, 0);

    private final PortalBacklog backlog;
    private final DossierQueries dossiers;
    private final UnitQueries units;
    private final NationalPortal settings;
    private final ObjectMapper json;
    private final PortalClient portal;
    private final Clock clock;

    PortalSynchroniser(PortalBacklog backlog, DossierQueries dossiers, UnitQueries units, OneStopProperties properties,
                       ObjectMapper json, Clock clock) {
        this.backlog = backlog;
        this.dossiers = dossiers;
        this.units = units;
        this.settings = properties.nationalPortal();
        this.json = json;
        this.portal = new PortalClient(settings, json);
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> nationalPortalSync() {
        return Tasks.recurring("national-portal-sync", Schedules.fixedDelay(settings.syncEvery()))
                .execute((instance, context) -> synchroniseDue());
    }

    /** Synchronises the dossiers due now, at most {@code batch-size} a run; returns how many succeeded. */
    int synchroniseDue() {
        if (!settings.enabled()) {
            return 0;
        }
        int done = 0;
        for (PortalBacklog.Due due : backlog.dueNow(clock.instant(), settings.batchSize())) {
            if (synchronise(due)) {
                done++;
            }
        }
        return done;
    }

    private boolean synchronise(PortalBacklog.Due due) {
        Optional<DossierView> found = dossiers.find(due.dossierId());
        if (found.isEmpty() || found.get().version() < due.dueSeq()) {
            return false; // the dossier's read model has not caught up with the event yet: next run
        }
        DossierView dossier = found.get();
        try {
            boolean known = due.known() || portal.has(dossier.trackingCode());
            if (known && !due.known()) {
                backlog.known(due.dossierId());
            }
            portal.synchronise(dossierRecord(dossier), known);
            backlog.known(due.dossierId());
            List<PortalBacklog.LogLine> lines = backlog.unsentLines(due.dossierId(), due.dueSeq());
            if (!lines.isEmpty()) {
                ArrayNode data = json.createArrayNode();
                lines.forEach(line -> data.add(progressLine(dossier, line)));
                portal.progress(data);
            }
            backlog.synced(due.dossierId(), due.dueSeq());
            return true;
        } catch (PortalClient.PortalFailure | RuntimeException failure) {
            int attempts = due.attempts() + 1;
            Duration pause = RetryPause.after(attempts, settings.firstRetryAfter(), settings.maxRetryPause());
            LOG.warn("The portal did not take dossier {} (attempt {}), again in {}: {}", dossier.trackingCode(), attempts,
                    pause, failure.getMessage());
            backlog.failed(due.dossierId(), attempts, clock.instant().plus(pause), failure.getMessage());
            return false;
        }
    }

    private ObjectNode dossierRecord(DossierView dossier) {
        List<PortalBacklog.LogLine> supplements = backlog.supplementRequests(dossier.id());
        ObjectNode record = json.createObjectNode()
                .put("MaHoSo", dossier.trackingCode())
                .put("MaTTHC", settings.nationalCode(dossier.procedureCode()))
                .put("TenTTHC", dossier.procedureName())
                .put("SoBienNhan", dossier.trackingCode())
                .put("ChuHoSo", dossier.applicantName())
                .put("LoaiDoiTuong", "1")
                .put("SoDienThoai", nullToEmpty(dossier.applicantPhone()))
                .put("Email", nullToEmpty(dossier.applicantEmail()))
                .put("TrichYeuHoSo", dossier.procedureName())
                .put("NgayTiepNhan", dossier.receivedOn() == null ? "" : time(dossier.receivedOn(), LocalTime.MIDNIGHT))
                .put("NgayHenTra", dossier.appointmentOn() == null ? "" : time(dossier.appointmentOn(), APPOINTMENT_TIME))
                .put("TrangThaiHoSo", String.valueOf(dossier.statusCode()))
                .put("NgayTra", dossier.returnedOn() == null ? "" : time(dossier.returnedOn(), LocalTime.MIDNIGHT))
                .put("HinhThuc", dossier.channel() == Channel.POST ? "1" : "0")
                .put("KenhThucHien", switch (dossier.channel()) {
                    case DESK -> "1";
                    case ONLINE -> "2";
                    case POST -> "3";
                })
                .put("DonViXuLy", units.find(dossier.competentAgencyId()).map(UnitView::name).orElse(""));
        record.putArray("TaiLieuNop");
        record.putArray("DanhSachLePhi");
        ArrayNode requested = record.putArray("DanhSachHoSoBoSung");
        supplements.forEach(line -> requested.addObject()
                .put("HoSoBoSungId", dossier.trackingCode() + "-" + line.seq())
                .put("NguoiYeuCauBoSung", nullToEmpty(line.actorName()))
                .put("NoiDungBoSung", line.content())
                .put("NgayBoSung", PORTAL_TIME.format(line.at())));
        record.putArray("DanhSachGiayToKetQua");
        return record;
    }

    private ObjectNode progressLine(DossierView dossier, PortalBacklog.LogLine line) {
        return json.createObjectNode()
                .put("MaHoSo", dossier.trackingCode())
                .put("NguoiXuLy", nullToEmpty(line.actorName()))
                .put("ChucDanh", nullToEmpty(line.actorTitle()))
                .put("ThoiDiemXuLy", PORTAL_TIME.format(line.at()))
                .put("PhongBanXuLy", "")
                .put("NoiDungXuLy", line.content())
                .put("TrangThai", String.valueOf(DossierStatus.of(line.statusCode()).code()))
                .put("NgayBatDau", "")
                .put("NgayKetThucTheoQuyDinh", "");
    }

    private static String time(LocalDate date, LocalTime at) {
        return PORTAL_TIME.format(date.atTime(at).atZone(DisplayDates.VIETNAM));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
