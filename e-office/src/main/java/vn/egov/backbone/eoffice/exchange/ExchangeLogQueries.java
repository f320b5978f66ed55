package vn.egov.backbone.eoffice.exchange;

import vn.egov.backbone.core.shared.InvalidInput;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.DocumentActions;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.exchange.ExchangeLog.Outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The exchange log's reads, for the API and the exchange page: a document's messages for whoever may read the
 * document; an agency's log for its records clerks and leaders, any agency's for system administrators; a
 * package's bytes as it was sent or received, under the same rules.
 */
@Service
class ExchangeLogQueries {
    private final DocumentActions actions;
    private final Authorizer authorizer;
    private final ExchangeLog log;

    ExchangeLogQueries(DocumentActions actions, Authorizer authorizer, ExchangeLog log) {
        this.actions = actions;
        this.authorizer = authorizer;
        this.log = log;
    }

    /** The exchange log of a document the official may read (404 otherwise). */
    public List<ExchangeLog.Entry> messages(String documentId) {
        actions.readable(documentId);
        return log.forDocument(documentId);
    }

    /**
     * An agency's exchange log, newest first, refused packages included: for its records clerks and
     * leaders (their own agency's), and for system administrators (any agency's, or all of them).
     *
     * @param from first day (Vietnam time), or null; {@code to} last day, or null
     */
    public List<ExchangeLog.Entry> log(String agencyId, ExchangeLog.Direction direction, Outcome outcome,
                                       LocalDate from, LocalDate to, String counterpart) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", ExchangeError.PERIOD_REVERSED);
        }
        String me = Authorizer.currentPrincipal().officialId();
        Set<String> agencies;
        if (authorizer.holds(me, Role.ADMINISTRATOR, null)) {
            agencies = agencyId == null || agencyId.isBlank() ? null : Set.of(agencyId);
        } else {
            UnitView agency = actions.actingAgency(agencyId);
            if (!readsLogOf(me, agency.id())) {
                throw new Forbidden(ExchangeError.LOG_READERS_ONLY);
            }
            agencies = Set.of(agency.id());
        }
        return log.list(new ExchangeLog.Filter(agencies, direction, outcome,
                from == null ? null : from.atStartOfDay(DisplayDates.VIETNAM).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(DisplayDates.VIETNAM).toInstant(), counterpart));
    }

    private boolean readsLogOf(String officialId, String agencyId) {
        return authorizer.holds(officialId, Role.RECORDS_CLERK, agencyId) || authorizer.holds(officialId, Role.LEADER, agencyId);
    }

    /**
     * A package as it was sent or received: for whoever may read its document; one without a document
     * (refused, or a status) for the clerks and leaders of the agency that received it, and for system
     * administrators.
     */
    public byte[] packageBytes(String messageId) {
        ExchangeLog.Entry entry = log.find(messageId).orElseThrow(() -> new NotFound(ExchangeError.MESSAGE_NOT_FOUND, messageId));
        String me = Authorizer.currentPrincipal().officialId();
        if (entry.documentId() != null) {
            actions.readable(entry.documentId());
        } else if (!authorizer.holds(me, Role.ADMINISTRATOR, null)
                && (entry.agencyId() == null || !readsLogOf(me, entry.agencyId()))) {
            throw new Forbidden(ExchangeError.REFUSED_ADMIN_ONLY);
        }
        return log.bytes(entry.sha256()).orElseThrow(() -> new NotFound(ExchangeError.PACKAGE_BYTES_MISSING));
    }
}
