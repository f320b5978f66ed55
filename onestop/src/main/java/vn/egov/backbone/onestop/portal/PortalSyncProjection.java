package vn.egov.backbone.onestop.portal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the National Public Service Portal must learn, decided from the dossiers' events with its own position
 * (processing group {@code national-portal}): each event marks its dossier due for synchronisation up to that
 * event, and a line of the processing log (who, when, what, the status after it) waits to be sent. Applying an
 * event twice (a replay) changes nothing: a line is kept once per event, and a dossier the portal already has up
 * to an event is not due again for it. Sending is {@link PortalSynchroniser}'s.
 */
@Component
@ProcessingGroup("national-portal")
class PortalSyncProjection {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PortalBacklog backlog;
    private final OfficialQueries officials;

    PortalSyncProjection(PortalBacklog backlog, OfficialQueries officials) {
        this.backlog = backlog;
        this.officials = officials;
    }

    @EventHandler
    void on(DossierSubmitted e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, switch (e.channel()) {
            case ONLINE -> "Nộp hồ sơ trực tuyến";
            case POST -> "Nộp hồ sơ qua dịch vụ bưu chính công ích";
            case DESK -> "Nộp hồ sơ tại Bộ phận Một cửa";
        }, DossierStatus.NEW, false);
    }

    @EventHandler
    void on(DossierReceived e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Tiếp nhận hồ sơ, hẹn trả kết quả ngày " + date(e.appointmentOn()),
                DossierStatus.RECEIVED, false);
    }

    @EventHandler
    void on(DossierRefused e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Từ chối tiếp nhận: " + e.reason(), DossierStatus.REFUSED, false);
    }

    @EventHandler
    void on(ProcessingStepStarted e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Chuyển xử lý: " + e.task() + " (hạn " + date(e.dueOn()) + ")",
                DossierStatus.IN_PROCESS, false);
    }

    @EventHandler
    void on(ProcessingStepCompleted e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Hoàn thành bước xử lý" + (e.note() == null || e.note().isBlank()
                ? "" : ": " + e.note()), DossierStatus.IN_PROCESS, false);
    }

    @EventHandler
    void on(SupplementRequested e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Yêu cầu bổ sung, hoàn thiện hồ sơ: " + e.reason(),
                DossierStatus.SUPPLEMENT_REQUESTED, true);
    }

    @EventHandler
    void on(SupplementProvided e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        // the citizen's note is sealed with the dossier's key: the log says only that something came
        log(e.dossierId(), seq, at, metaData, "Công dân nộp hồ sơ bổ sung trực tuyến", DossierStatus.SUPPLEMENT_REQUESTED,
                false);
    }

    @EventHandler
    void on(SupplementReceived e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Tiếp nhận hồ sơ bổ sung" + (e.appointmentOn() == null ? ""
                : ", hẹn trả kết quả ngày " + date(e.appointmentOn())), DossierStatus.IN_PROCESS, false);
    }

    @EventHandler
    void on(PaymentRequested e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Yêu cầu thực hiện nghĩa vụ tài chính: " + e.purpose() + ", "
                + e.amountVnd() + " đồng", DossierStatus.PAYMENT_REQUESTED, false);
    }

    @EventHandler
    void on(PaymentReceived e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Đã thực hiện nghĩa vụ tài chính: " + e.amountVnd() + " đồng",
                DossierStatus.IN_PROCESS, false);
    }

    @EventHandler
    void on(ProcessingStopped e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Dừng xử lý: " + e.reason(), DossierStatus.STOPPED, false);
    }

    @EventHandler
    void on(DossierWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Công dân rút hồ sơ: " + e.reason(), DossierStatus.WITHDRAWN, false);
    }

    @EventHandler
    void on(DossierResolved e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Có kết quả giải quyết", DossierStatus.RESOLVED, false);
    }

    @EventHandler
    void on(ResultReturned e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Trả kết quả cho công dân", DossierStatus.RESULT_RETURNED, false);
    }

    @EventHandler
    void on(ApologyIssued e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        log(e.dossierId(), seq, at, metaData, "Văn bản xin lỗi, hẹn lại ngày trả kết quả " + date(e.newAppointmentOn())
                + ": " + e.reason(), DossierStatus.IN_PROCESS, false);
    }

    /** The applicant's name and contacts now read "[đã xóa]": the portal is told so, without a log line. */
    @EventHandler
    void on(ApplicantDataErased e, @SequenceNumber long seq, @Timestamp Instant at) {
        backlog.due(e.dossierId(), seq, at);
    }

    private void log(String dossierId, long seq, Instant at, MetaData metaData, String content, DossierStatus status,
                     boolean supplement) {
        String actor = metaData.get(ActingMetadata.ACTING_OFFICIAL) instanceof String id ? id : null;
        OfficialQueries.Name name = actor == null ? null : officials.names(List.of(actor)).get(actor);
        backlog.logLine(dossierId, seq, at, name == null ? null : name.fullName(), name == null ? null : name.position(),
                content, status.code(), supplement);
        backlog.due(dossierId, seq, at);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
