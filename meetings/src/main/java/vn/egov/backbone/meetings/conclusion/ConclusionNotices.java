package vn.egov.backbone.meetings.conclusion;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.CreateDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.ConclusionNoticeRequested;

import java.util.List;

/**
 * A conclusion notice (thông báo kết luận) asked for in a meeting becomes an outgoing e-office draft
 * of type Thông báo, under the id the meeting gave it, drafted by whoever asked; from there it follows
 * e-office's review, approval, numbering and dispatch. The draft is created from the event, so a node
 * that was down creates it when it catches up; a replay finds it there already and changes nothing.
 */
@Component
@ProcessingGroup("meeting-conclusions")
class ConclusionNotices {
    private static final Logger log = LoggerFactory.getLogger(ConclusionNotices.class);

    private final CommandGateway commands;

    ConclusionNotices(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ConclusionNoticeRequested e, MetaData metaData) {
        CreateDraft draft = new CreateDraft(e.documentId(), e.agencyId(), e.drafterId(), new DraftContent(
                DocumentType.THONG_BAO, e.subject(), e.body(), List.of(), List.of(), Urgency.NORMAL, Classification.NONE,
                null, null));
        // The draft is the official's act in the meeting: it carries the meeting event's actor, unit and address.
        MetaData acting = metaData.subset(ActingMetadata.ACTING_OFFICIAL, ActingMetadata.ACTING_USERNAME,
                ActingMetadata.ACTING_UNIT, ActingMetadata.CLIENT_ADDRESS);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(draft).andMetaData(acting));
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof AggregateStreamCreationException) {
                    log.debug("Conclusion notice {} was drafted before", e.documentId());
                    return;
                }
            }
            throw failure;
        }
    }
}
