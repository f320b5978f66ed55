package vn.egov.backbone.search.dossier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.search.index.RecordKind;
import vn.egov.backbone.search.index.RecordUpdates;
import vn.egov.backbone.search.index.SearchConfiguration;

/**
 * Administrative-procedure dossiers in the search index, with their public metadata only: tracking
 * code, procedure, deciding agency, status and dates — never the applicant's name, number, address or
 * phone, which stay in the one-stop desk's read model. Found by the officials of the deciding agency,
 * of the desk that received the dossier and of the agencies of its steps.
 */
@Component
@ProcessingGroup(SearchConfiguration.PROCESSOR)
class DossierIndexer {
    /** The kind of record, and the prefix of its statuses (they must not mix with documents' statuses). */
    static final String KIND = RecordKind.DOSSIER.name();

    private final RecordUpdates updates;
    private final UnitQueries units;

    DossierIndexer(RecordUpdates updates, UnitQueries units) {
        this.updates = updates;
        this.units = units;
    }

    /** The status value in the index: {@code DOSSIER_RECEIVED}, … */
    public static String status(DossierStatus status) {
        return KIND + "_" + status.name();
    }

    @EventHandler
    void on(DossierSubmitted e, DomainEventMessage<?> message) {
        updates.apply(e.dossierId(), KIND, message, record -> {
            record.number = e.trackingCode();
            record.subject = e.procedure().name();
            record.type = null;
            record.agencyId = e.procedure().competentAgencyId();
            record.issuer = units.find(e.procedure().competentAgencyId()).map(UnitView::name).orElse(null);
            record.classification = Classification.NONE.name();
            record.createdOn = e.at().atZone(DisplayDates.VIETNAM).toLocalDate();
            record.status = status(DossierStatus.NEW);
            if (e.filedAtUnitId() != null) {
                record.assignedUnits.add(e.filedAtUnitId());
            }
        });
    }

    @EventHandler
    void on(DossierReceived e, DomainEventMessage<?> message) {
        updates.apply(e.dossierId(), KIND, message, record -> {
            record.receivedOn = e.receivedOn();
            record.status = status(DossierStatus.RECEIVED);
        });
    }

    @EventHandler
    void on(ProcessingStepStarted e, DomainEventMessage<?> message) {
        updates.apply(e.dossierId(), KIND, message, record -> {
            record.assignedUnits.add(e.agencyId());
            record.status = status(DossierStatus.IN_PROCESS);
        });
    }

    @EventHandler
    void on(DossierRefused e, DomainEventMessage<?> message) {
        status(e.dossierId(), message, DossierStatus.REFUSED);
    }

    @EventHandler
    void on(SupplementRequested e, DomainEventMessage<?> message) {
        status(e.dossierId(), message, DossierStatus.SUPPLEMENT_REQUESTED);
    }

    @EventHandler
    void on(PaymentRequested e, DomainEventMessage<?> message) {
        status(e.dossierId(), message, DossierStatus.PAYMENT_REQUESTED);
    }

    @EventHandler
    void on(ProcessingStopped e, DomainEventMessage<?> message) {
        status(e.dossierId(), message, DossierStatus.STOPPED);
    }

    @EventHandler
    void on(DossierWithdrawn e, DomainEventMessage<?> message) {
        status(e.dossierId(), message, DossierStatus.WITHDRAWN);
    }

    @EventHandler
    void on(DossierResolved e, DomainEventMessage<?> message) {
        status(e.dossierId(), message, DossierStatus.RESOLVED);
    }

    @EventHandler
    void on(ResultReturned e, DomainEventMessage<?> message) {
        status(e.dossierId(), message, DossierStatus.RESULT_RETURNED);
    }

    private void status(String dossierId, DomainEventMessage<?> message, DossierStatus status) {
        updates.apply(dossierId, KIND, message, record -> record.status = status(status));
    }
}
