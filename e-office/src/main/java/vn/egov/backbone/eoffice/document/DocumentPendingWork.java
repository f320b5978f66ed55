package vn.egov.backbone.eoffice.document;

import org.springframework.stereotype.Component;
import vn.egov.backbone.core.web.PendingWork;

/** The menu's count of official correspondence: handling not done, and documents in the official's queues. */
@Component
class DocumentPendingWork implements PendingWork {
    private final DocumentQueries queries;

    DocumentPendingWork(DocumentQueries queries) {
        this.queries = queries;
    }

    @Override
    public long countFor(String officialId) {
        var counts = queries.workCounts(officialId);
        // DUE_SOON is a part of TODO; OVERDUE is not
        return counts.entrySet().stream().filter(count -> !count.getKey().equals(DocumentQueries.InboxTab.DUE_SOON.name()))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }
}
