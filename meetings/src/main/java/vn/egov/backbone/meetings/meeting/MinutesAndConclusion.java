package vn.egov.backbone.meetings.meeting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.ApproveMinutes;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.DraftMinutes;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.IssueConclusionNotice;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.SignMinutes;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.ConclusionNoticeRequested;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MinutesApproved;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MinutesDrafted;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MinutesSigned;
import vn.egov.backbone.meetings.meeting.api.MinutesSignatory;
import vn.egov.backbone.meetings.meeting.api.MeetingStatus;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.egov.backbone.meetings.meeting.MeetingRules.require;
import static vn.egov.backbone.meetings.meeting.MeetingRules.requireText;

/**
 * What a meeting leaves behind: the minutes (drafted by the secretary in versions, approved by the chair
 * on the version they read, then signed by both as a PDF, one signature added to the other) and the
 * conclusion notice. A part of the {@link Meeting} aggregate.
 */
class MinutesAndConclusion {
    /** Not compared by Axon's test fixture (transient): the meeting this part belongs to. */
    private final transient Meeting meeting;
    private int minutesVersion;
    private boolean minutesApproved;
    private boolean conclusionIssued;
    private final Set<MinutesSignatory> signedBy = EnumSet.noneOf(MinutesSignatory.class);
    private String signedFileKey;

    MinutesAndConclusion(Meeting meeting) {
        this.meeting = meeting;
    }

    @CommandHandler
    void handle(DraftMinutes command) {
        if (!Objects.equals(command.actorId(), meeting.secretaryId()) && !Objects.equals(command.actorId(), meeting.chairId())) {
            throw new Forbidden(MeetingError.SECRETARY_DRAFTS_MINUTES);
        }
        if (meeting.status() == MeetingStatus.CANCELLED || meeting.status() == MeetingStatus.SCHEDULED) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_AFTER_START);
        }
        if (minutesApproved) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_FINAL);
        }
        apply(new MinutesDrafted(meeting.id(), minutesVersion + 1, requireText(command.text(), "text", 200_000)));
    }

    @CommandHandler
    void handle(ApproveMinutes command) {
        if (!Objects.equals(command.actorId(), meeting.chairId())) {
            throw new Forbidden(MeetingError.CHAIR_APPROVES_MINUTES);
        }
        if (minutesApproved) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_ALREADY_APPROVED);
        }
        if (minutesVersion == 0) {
            throw new BusinessRuleViolation(MeetingError.NO_MINUTES);
        }
        if (command.version() != minutesVersion) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_CHANGED, minutesVersion);
        }
        apply(new MinutesApproved(meeting.id(), minutesVersion));
    }

    @CommandHandler
    void handle(SignMinutes command) {
        require(command.signatory() != null, "signatory", MeetingError.SIGNATORY_SIGNS_MINUTES);
        String signatory = command.signatory() == MinutesSignatory.CHAIR ? meeting.chairId() : meeting.secretaryId();
        if (!Objects.equals(command.actorId(), signatory)) {
            throw new Forbidden(MeetingError.SIGNATORY_SIGNS_MINUTES);
        }
        if (!minutesApproved) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_NOT_APPROVED);
        }
        if (signedBy.contains(command.signatory())) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_ALREADY_SIGNED);
        }
        if (command.version() != minutesVersion || !Objects.equals(command.basedOnFileKey(), signedFileKey)) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_SIGNED_MEANWHILE);
        }
        require(command.fileKey() != null && command.fileKey().matches("[0-9a-f]{64}"), "fileKey", MeetingError.FILE_REQUIRED);
        apply(new MinutesSigned(meeting.id(), minutesVersion, command.signatory(), command.actorId(), command.fileKey(),
                requireText(command.fileName(), "fileName", 255), command.size(), command.certificateSubject()));
    }

    @CommandHandler
    void handle(IssueConclusionNotice command) {
        meeting.requireRunner(command.actorId());
        if (meeting.status() != MeetingStatus.IN_PROGRESS && meeting.status() != MeetingStatus.ENDED) {
            throw new BusinessRuleViolation(MeetingError.CONCLUSION_AFTER_MEETING);
        }
        if (conclusionIssued) {
            throw new BusinessRuleViolation(MeetingError.CONCLUSION_ALREADY_ISSUED);
        }
        require(command.agencyId() != null, "agencyId", MeetingError.AGENCY_REQUIRED);
        apply(new ConclusionNoticeRequested(meeting.id(), command.documentId(), command.agencyId(), command.actorId(),
                requireText(command.subject(), "subject", 1000), requireText(command.body(), "body", 200_000)));
    }

    @EventSourcingHandler
    void on(MinutesDrafted e) {
        minutesVersion = e.version();
    }

    @EventSourcingHandler
    void on(MinutesApproved e) {
        minutesApproved = true;
    }

    @EventSourcingHandler
    void on(MinutesSigned e) {
        signedBy.add(e.signatory());
        signedFileKey = e.fileKey();
    }

    @EventSourcingHandler
    void on(ConclusionNoticeRequested e) {
        conclusionIssued = true;
    }
}
