package vn.egov.backbone.eoffice.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.AssignmentForwarded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentUpdatedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentAssigned;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReturnedToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentWithdrawn;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ReceivedWithWarnings;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.SenderDetailsRecorded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReplacedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingCompleted;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProgressRecorded;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftApproved;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReturned;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReviewAccepted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftSubmitted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentDispatched;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentRecalled;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A document's timeline, read straight from its events: each step, who, for which unit, when, and what
 * it said — the handling record (instruction, lead, cooperating and informed, deadline, each progress
 * note and forwarding, the result; reviewers, approvers, recipients, comments and reasons).
 */
@Component
public class DocumentHistoryQueries {
    private final EventStore events;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final OfficialQueries officials;
    private final UnitQueries units;
    private final ObjectMapper json;

    DocumentHistoryQueries(EventStore events, OfficialQueries officials, UnitQueries units, ObjectMapper json) {
        this.events = events;
        this.officials = officials;
        this.units = units;
        this.json = json;
    }

    /** @param summary what the step said, in words: {@code label} is a message key under {@code history.detail.} */
    public record Step(long sequence, String type, Instant at, String actingOfficial, String actingName,
                       String actingUnit, JsonNode details, List<Detail> summary) {
    }

    public record Detail(String label, String text) {
    }

    /** The current content of an outgoing draft: that of its last version. */
    public java.util.Optional<vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent> currentDraft(
            String documentId) {
        vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent[] last = {null};
        events.readEvents(documentId).asStream().forEach(event -> {
            if (event.getPayload() instanceof vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated created) {
                last[0] = created.content();
            } else if (event.getPayload() instanceof vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised revised) {
                last[0] = revised.content();
            }
        });
        return java.util.Optional.ofNullable(last[0]);
    }

    /** The recipients of an outgoing document's current draft, named, or null when it has none. */
    public String recipients(String documentId) {
        return currentDraft(documentId).map(this::recipientNames).orElse(null);
    }

    public List<Step> of(String documentId) {
        return events.readEvents(documentId).asStream().map(event -> {
            String actor = (String) event.getMetaData().get(ActingMetadata.ACTING_OFFICIAL);
            String name = actor == null || actor.equals(ActingMetadata.SYSTEM) ? actor
                    : officials.find(actor).map(OfficialView::fullName).orElse(actor);
            JsonNode details = json.valueToTree(event.getPayload());
            if (details.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) details).remove("documentId");
            }
            return new Step(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(), actor,
                    name, (String) event.getMetaData().get(ActingMetadata.ACTING_UNIT), details, summary(event.getPayload()));
        }).toList();
    }

    private List<Detail> summary(Object payload) {
        List<Detail> summary = new ArrayList<>();
        switch (payload) {
            case IncomingDocumentAssigned e -> {
                add(summary, "instruction", e.instruction());
                add(summary, "lead", name(e.lead()));
                add(summary, "cooperating", names(e.cooperating()));
                add(summary, "forInformation", names(e.forInformation()));
                add(summary, "deadline", day(e.deadline()));
            }
            case ProgressRecorded e -> {
                add(summary, "by", name(e.by()));
                add(summary, "note", e.note());
            }
            case AssignmentForwarded e -> {
                add(summary, "from", name(e.from()));
                add(summary, "to", name(e.to()));
                add(summary, "note", e.note());
            }
            case ProcessingCompleted e -> {
                add(summary, "by", name(e.by()));
                add(summary, "result", e.result());
            }
            case IncomingDocumentReturnedToSender e -> add(summary, "reason", e.reason());
            case IncomingDocumentWithdrawn e -> add(summary, "reason", e.reason());
            // a message key, which the page translates (history.detail.warning)
            case ReceivedWithWarnings e -> e.warnings().forEach(code -> add(summary, "warning", "warning." + code));
            case IncomingDocumentReplacedBySender e -> add(summary, "reason", e.reason());
            case IncomingDocumentUpdatedBySender e -> {
                add(summary, "reason", e.reason());
                add(summary, "subject", e.details().subject());
            }
            case SenderDetailsRecorded e -> {
                var sender = e.sender();
                add(summary, "signer", String.join(", ", Stream.of(sender.signerCompetence(),
                        sender.signerPosition(), sender.signerName()).filter(t -> t != null && !t.isBlank()).toList()));
                add(summary, "place", sender.place());
                add(summary, "receivers", sender.receivers() == null ? null : String.join("; ", sender.receivers()));
                add(summary, "appendixes", sender.appendixes() == null ? null : String.join("; ", sender.appendixes()));
                add(summary, "steeringType", sender.steeringType() == 0 ? null : String.valueOf(sender.steeringType()));
            }
            case DraftCreated e -> recipients(summary, e.content());
            case DraftRevised e -> recipients(summary, e.content());
            case DraftSubmitted e -> {
                add(summary, "reviewer", official(e.reviewerId()));
                add(summary, "approver", official(e.approverId()));
            }
            case DraftReviewAccepted e -> add(summary, "comment", e.comment());
            case DraftReturned e -> add(summary, "comment", e.comment());
            case DraftApproved e -> add(summary, "comment", e.comment());
            case OutgoingDocumentDispatched e -> add(summary, "recipients", join(Stream.concat(
                    e.deliveries().stream().map(delivery -> unit(delivery.recipientAgencyId())),
                    Stream.ofNullable(e.externalRecipients()).flatMap(List::stream))));
            case OutgoingDocumentRecalled e -> add(summary, "reason", e.reason());
            default -> {
            }
        }
        return summary;
    }

    private void recipients(List<Detail> summary, DraftContent content) {
        add(summary, "recipients", recipientNames(content));
    }

    private String recipientNames(DraftContent content) {
        return join(Stream.concat(Stream.ofNullable(content.internalRecipients()).flatMap(List::stream).map(this::unit),
                Stream.ofNullable(content.externalRecipients()).flatMap(List::stream)));
    }


    private static void add(List<Detail> summary, String label, String text) {
        if (text != null && !text.isBlank()) {
            summary.add(new Detail(label, text));
        }
    }

    private String names(List<Assignee> assignees) {
        return assignees == null ? null : join(assignees.stream().map(this::name));
    }

    private String name(Assignee assignee) {
        if (assignee == null) {
            return null;
        }
        return assignee.kind() == Assignee.Kind.UNIT ? unit(assignee.id()) : official(assignee.id());
    }

    private String official(String officialId) {
        return officialId == null ? null : officials.find(officialId).map(OfficialView::fullName).orElse(officialId);
    }

    private String unit(String unitId) {
        return unitId == null ? null : units.find(unitId).map(UnitView::name).orElse(unitId);
    }

    private static String day(LocalDate day) {
        return day == null ? null : DAY.format(day);
    }

    private static String join(Stream<String> names) {
        String joined = String.join(", ", names.filter(java.util.Objects::nonNull).toList());
        return joined.isEmpty() ? null : joined;
    }
}
