package vn.egov.backbone.meetings.minutes;

import vn.egov.backbone.meetings.meeting.api.MeetingViews.MinutesSignature;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.eoffice.document.api.AttachmentRef;
import vn.egov.backbone.eoffice.signature.PadesVerifier;
import vn.egov.backbone.eoffice.signature.PdfSignatures;
import vn.egov.backbone.meetings.meeting.MeetingActions;
import vn.egov.backbone.meetings.meeting.MeetingError;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.SignMinutes;
import vn.egov.backbone.meetings.meeting.api.MinutesSignatory;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The minutes of a meeting, from its events to a signed PDF: the chair or the secretary has a draft written
 * from what the meeting's events record ({@link MeetingHistory}, {@link MinutesText}) as a new version, which the
 * secretary edits and the chair approves (as before); the approved text is then rendered as a PDF
 * ({@link MinutesPdf}) that the secretary and the chair each sign with their own key (PAdES, e-office's signer),
 * the second signature added to the first. Search indexes the text of the latest version.
 */
@Service
public class MinutesActions {
    private final MeetingActions meetings;
    private final MeetingQueries queries;
    private final EventStore events;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final AttachmentStore files;
    private final PdfSignatures signatures;

    MinutesActions(MeetingActions meetings, MeetingQueries queries, EventStore events, OfficialQueries officials,
                   UnitQueries units, AttachmentStore files, PdfSignatures signatures) {
        this.meetings = meetings;
        this.queries = queries;
        this.events = events;
        this.officials = officials;
        this.units = units;
        this.files = files;
        this.signatures = signatures;
    }

    /** The minutes as a PDF to read: the signed file once signed, otherwise the latest version rendered. */
    public record MinutesFile(byte[] pdf, String fileName) {
    }

    /** A draft written from the meeting's events, not yet kept (for the chair and the secretary). */
    public String draft(String meetingId) {
        meetings.run(meetingId);
        MeetingHistory history = MeetingHistory.of(events.readEvents(meetingId).asStream()
                .<Object>map(Message::getPayload).toList());
        Map<String, OfficialQueries.Name> names = officials.names(history.people());
        return MinutesText.compose(history, names, unitId -> units.find(unitId).map(UnitView::name).orElse(null));
    }

    /** Keeps a draft written from the meeting's events as the next version of the minutes; returns its number. */
    public int compose(String meetingId) {
        String text = draft(meetingId);
        meetings.draftMinutes(meetingId, text);
        return meetings.visible(meetingId).minutesVersion();
    }

    public MinutesFile file(String meetingId) {
        MeetingRecord meeting = meetings.visible(meetingId);
        Optional<MinutesSignature> signed = lastSignature(meetingId);
        if (signed.isPresent()) {
            return new MinutesFile(files.bytes(signed.get().fileKey()), signed.get().fileName());
        }
        if (meeting.minutesVersion() == 0) {
            throw new BusinessRuleViolation(MeetingError.NO_MINUTES);
        }
        return new MinutesFile(render(meeting), fileName(meeting, false));
    }

    /**
     * The signed-in official signs the approved minutes as the meeting's secretary or chair, with the password of
     * their key; the signature is added to the file the other signatory signed, if they signed first.
     */
    public void sign(String meetingId, String password) {
        MeetingRecord meeting = meetings.visible(meetingId);
        String me = Authorizer.currentPrincipal().officialId();
        List<MinutesSignature> signed = queries.minutesSignatures(meetingId);
        MinutesSignatory signatory = signatoryFor(meeting, me, signed);
        if (!meeting.minutesApproved()) {
            throw new BusinessRuleViolation(MeetingError.MINUTES_NOT_APPROVED);
        }
        String basedOn = signed.isEmpty() ? null : signed.getLast().fileKey();
        byte[] pdf = basedOn == null ? render(meeting) : files.bytes(basedOn);
        OfficialView official = officials.find(me).orElseThrow();
        PdfSignatures.Signed result = signatures.signAsOfficial(official, password, pdf,
                signatory == MinutesSignatory.CHAIR ? "Chủ trì cuộc họp" : "Thư ký cuộc họp", "Ký biên bản cuộc họp",
                units.find(meeting.hostUnitId()).map(UnitView::name).orElse(null),
                signatory == MinutesSignatory.CHAIR ? MinutesPdf.CHAIR_SIGNATURE : MinutesPdf.SECRETARY_SIGNATURE, -1);
        AttachmentRef stored = files.store(new ByteArrayInputStream(result.pdf()), fileName(meeting, true));
        meetings.send(meetingId, new SignMinutes(meetingId, meeting.minutesVersion(), signatory, basedOn, stored.sha256(),
                stored.fileName(), stored.size(), result.certificateSubject(), me));
    }

    /** The signatures recorded, and what a check of the signed file finds of each (empty before the first). */
    public record Signatures(List<MinutesSignature> recorded, List<PadesVerifier.SignatureReport> verification) {
    }

    public Signatures signatures(String meetingId) {
        meetings.visible(meetingId);
        List<MinutesSignature> recorded = queries.minutesSignatures(meetingId);
        return new Signatures(recorded, recorded.isEmpty() ? List.of()
                : signatures.verify(files.bytes(recorded.getLast().fileKey())));
    }

    /** Which of the two the official signs as; the secretary who also chairs signs as each in turn. */
    private static MinutesSignatory signatoryFor(MeetingRecord meeting, String me, List<MinutesSignature> signed) {
        List<String> done = signed.stream().map(MinutesSignature::signatory).toList();
        if (me.equals(meeting.secretaryId()) && !done.contains(MinutesSignatory.SECRETARY.name())) {
            return MinutesSignatory.SECRETARY;
        }
        if (me.equals(meeting.chairId())) {
            return MinutesSignatory.CHAIR;
        }
        if (me.equals(meeting.secretaryId())) {
            return MinutesSignatory.SECRETARY;
        }
        throw new Forbidden(MeetingError.SIGNATORY_SIGNS_MINUTES);
    }

    private Optional<MinutesSignature> lastSignature(String meetingId) {
        List<MinutesSignature> signed = queries.minutesSignatures(meetingId);
        return signed.isEmpty() ? Optional.empty() : Optional.of(signed.getLast());
    }

    private byte[] render(MeetingRecord meeting) {
        Map<String, OfficialQueries.Name> names = officials.names(List.of(meeting.chairId(), meeting.secretaryId()));
        return MinutesPdf.render(new MinutesPdf.Content(
                units.find(meeting.hostUnitId()).map(UnitView::name).orElse(""), meeting.title(),
                Objects.requireNonNullElse(meeting.minutesText(), ""), !meeting.minutesApproved(),
                fullName(names, meeting.secretaryId()), fullName(names, meeting.chairId())));
    }

    private static String fullName(Map<String, OfficialQueries.Name> names, String id) {
        OfficialQueries.Name name = names.get(id);
        return name == null ? "" : name.fullName();
    }

    private static String fileName(MeetingRecord meeting, boolean signed) {
        return "Biên bản họp " + meeting.startsAt().atZone(vn.egov.backbone.core.shared.DisplayDates.VIETNAM).toLocalDate()
                + (signed ? " (đã ký)" : meeting.minutesApproved() ? "" : " (dự thảo)") + ".pdf";
    }
}
