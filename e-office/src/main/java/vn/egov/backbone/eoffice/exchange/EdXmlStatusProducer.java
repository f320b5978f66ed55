package vn.egov.backbone.eoffice.exchange;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.exchange.EdXml.Organisation;
import vn.egov.backbone.eoffice.exchange.EdXml.Status;
import vn.egov.backbone.eoffice.exchange.EdXml.StatusPackage;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.Channel;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentUpdatedBySender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentAssigned;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReturnedToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentWithdrawn;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingCompleted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.OutgoingDocumentRecalled;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Answers the sender of a document received by edXML as the document moves: 03 accepted on
 * registration and 04 at once after it (registered, it waits for the leader's assignment), 05
 * processing on assignment, 06 done on completion, 02 refused when returned, 15
 * when a recall was honoured; and tells the recipients of a recalled document (13). The packages go into the exchange log (the outbox towards the
 * national axis). Never replayed: a status is sent once ({@link ExchangeLog#produced} guards it too).
 */
@Component
@ProcessingGroup("edxml-status")
@DisallowReplay
class EdXmlStatusProducer {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final EventStore events;
    private final ExchangeLog log;
    private final UnitQueries units;
    private final OfficialQueries officials;

    EdXmlStatusProducer(EventStore events, ExchangeLog log, UnitQueries units, OfficialQueries officials) {
        this.events = events;
        this.log = log;
        this.units = units;
        this.officials = officials;
    }

    @EventHandler
    void on(IncomingDocumentRegistered event, @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        if (event.channel() == Channel.EDXML) {
            // NĐ 30, Điều 21.2: the sender is told the same day that the document arrived and was registered
            produce(event, Status.ARRIVED, actor);
            produce(event, Status.ACCEPTED, actor);
            produce(event, Status.AWAITING_ASSIGNMENT, actor);
        }
    }

    @EventHandler
    void on(IncomingDocumentAssigned event, @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        received(event.documentId()).ifPresent(r -> produce(r, Status.PROCESSING, actor));
    }

    @EventHandler
    void on(ProcessingCompleted event, @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        received(event.documentId()).ifPresent(r -> produce(r, Status.DONE, actor));
    }

    @EventHandler
    void on(IncomingDocumentReturnedToSender event, @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        received(event.documentId()).ifPresent(r -> produce(r, Status.REFUSED, actor));
    }

    @EventHandler
    void on(IncomingDocumentWithdrawn event, @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        received(event.documentId()).ifPresent(r -> produce(r, Status.RECALL_ACCEPTED, actor));
    }

    /** An update applied is agreed to as a recall is (15: đồng ý thu hồi/cập nhật). */
    @EventHandler
    void on(IncomingDocumentUpdatedBySender event, @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        received(event.documentId()).ifPresent(r -> produce(r, Status.RECALL_ACCEPTED, actor));
    }

    /** Recalling a document that went out by edXML tells its recipients so (13); they answer 15 or 16. */
    @EventHandler
    void on(OutgoingDocumentRecalled event, @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        if (log.produced(event.documentId(), Status.RECALL.code())) {
            return;
        }
        log.forDocument(event.documentId()).stream()
                .filter(e -> e.direction() == ExchangeLog.Direction.OUT && e.kind() == ExchangeLog.Kind.DOCUMENT)
                .findFirst().ifPresent(sent -> {
                    String edxmlId = sent.edxmlDocumentId();
                    String[] parts = edxmlId.split(",", 3);
                    UnitView agency = units.list(true).stream().filter(u -> u.isAddressedAs(parts[0]))
                            .findFirst().orElse(null);
                    StatusPackage recall = new StatusPackage(new Organisation(parts[0], agency == null ? null : agency.name()),
                            parts[0], parts[2], java.time.LocalDate.parse(parts[1], EdXmlReader.DATE), edxmlId,
                            Status.RECALL.code(), event.reason(), LocalDateTime.now(DisplayDates.VIETNAM).format(TIMESTAMP),
                            null, officials.find(actor == null ? "" : actor).map(OfficialView::fullName).orElse(null));
                    log.record(sent.agencyId(), sent.counterpart(), ExchangeLog.Direction.OUT, ExchangeLog.Kind.STATUS,
                            ExchangeLog.Outcome.PRODUCED, EdXmlWriter.status(recall), event.documentId(), edxmlId,
                            Status.RECALL.code(), event.reason(), actor);
                });
    }

    /** The registration of a document, if it came by edXML (read from its own first event). */
    private Optional<IncomingDocumentRegistered> received(String documentId) {
        return events.readEvents(documentId).asStream().findFirst().map(DomainEventMessage::getPayload)
                .filter(IncomingDocumentRegistered.class::isInstance).map(IncomingDocumentRegistered.class::cast)
                .filter(r -> r.channel() == Channel.EDXML);
    }

    private void produce(IncomingDocumentRegistered received, Status status, String actor) {
        if (log.produced(received.documentId(), status.code())) {
            return;
        }
        UnitView agency = units.find(received.agencyId()).orElse(null);
        Optional<OfficialView> official = actor == null ? Optional.empty() : officials.find(actor);
        String sender = received.sourceDocumentId();
        StatusPackage answer = new StatusPackage(
                new Organisation(agency == null ? received.agencyId() : agency.organId(), agency == null ? null : agency.name()),
                sender.contains(",") ? sender.substring(0, sender.indexOf(',')) : null, received.details().number(),
                received.details().issuedOn(), sender, status.code(), status.description(),
                LocalDateTime.now(DisplayDates.VIETNAM).format(TIMESTAMP),
                official.flatMap(o -> o.unitId() == null ? Optional.empty() : units.find(o.unitId())).map(UnitView::name)
                        .orElse(null),
                official.map(OfficialView::fullName).orElse(null));
        log.record(received.agencyId(), sender.contains(",") ? sender.substring(0, sender.indexOf(',')) : null,
                ExchangeLog.Direction.OUT, ExchangeLog.Kind.STATUS, ExchangeLog.Outcome.PRODUCED,
                EdXmlWriter.status(answer), received.documentId(), sender, status.code(), status.description(), actor);
    }
}
