package vn.egov.backbone.search.query;

import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.search.index.SearchConfiguration;
import vn.egov.backbone.search.index.SearchIndex;

/**
 * The index's state: schema version, whether it is built (or an older version still serves while it
 * is), how far its projection has read the event store (global index of the last event applied, and of
 * the newest event), which shows the progress of a rebuild; how many records it holds, hidden ones
 * included, only for system administrators.
 */
@Service
class IndexStatusQueries {
    /** {@code documents}: null unless the official is a system administrator. */
    record Status(int schemaVersion, boolean built, boolean servingOlderVersion, Integer documents, Long position,
                  Long head) {
    }

    private final SearchIndex index;
    private final EventProcessingModule processing;
    private final EventStore eventStore;
    private final Authorizer authorizer;

    IndexStatusQueries(SearchIndex index, EventProcessingModule processing, EventStore eventStore, Authorizer authorizer) {
        this.index = index;
        this.processing = processing;
        this.eventStore = eventStore;
        this.authorizer = authorizer;
    }

    Status status() {
        Long position = SearchConfiguration.processor(processing)
                .flatMap(p -> p.processingStatus().values().stream()
                        .map(s -> s.getCurrentPosition()).filter(java.util.OptionalLong::isPresent)
                        .map(java.util.OptionalLong::getAsLong).min(Long::compare))
                .orElse(null);
        TrackingToken headToken = eventStore.createHeadToken();
        Long head = headToken == null ? null : headToken.position().stream().boxed().findFirst().orElse(null);
        SearchIndex.Status state = index.status();
        boolean administrator = authorizer.holds(Authorizer.currentPrincipal().officialId(), Role.ADMINISTRATOR, null);
        return new Status(state.schemaVersion(), state.built(), state.servingOlderVersion(),
                administrator ? state.documents() : null, position, head);
    }
}
