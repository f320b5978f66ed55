package vn.egov.backbone.search.query;

import vn.egov.backbone.core.shared.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.eoffice.document.DocumentAccess;
import vn.egov.backbone.search.index.SearchConfiguration;
import vn.egov.backbone.search.index.SearchIndex;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;

/** Full-text search over everything the signed-in official may read. */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {
    private final SearchService search;
    private final DocumentAccess access;
    private final FacetLabels labels;
    private final SearchIndex index;
    private final EventProcessingModule processing;
    private final EventStore eventStore;

    private final Authorizer authorizer;

    SearchController(SearchService search, DocumentAccess access, FacetLabels labels, SearchIndex index,
                     EventProcessingModule processing, EventStore eventStore, Authorizer authorizer) {
        this.authorizer = authorizer;
        this.processing = processing;
        this.eventStore = eventStore;
        this.search = search;
        this.access = access;
        this.labels = labels;
        this.index = index;
    }

    /** Search correspondence: quotes for phrases, - to exclude; filters, facets, highlights. */
    @GetMapping
    SearchResult search(SearchForm form) {
        SearchRequest request = form.toRequest(form.q(), form.page() == null ? 1 : form.page(),
                form.size() == null ? 20 : form.size());
        return labels.labelled(search.search(access.scopeOf(me()), request));
    }

    /** Suggestions as one types: records whose subject or number starts like the text. */
    @GetMapping("/suggest")
    List<SearchResult.Suggestion> suggest(@RequestParam String q) {
        return search.suggest(access.scopeOf(me()), q);
    }

    /** Records like the given one, among those the official may read. */
    @GetMapping("/{id}/similar")
    List<SearchResult.Hit> similar(@PathVariable String id, @RequestParam(defaultValue = "5") int count) {
        if (count < 1 || count > 20) {
            throw new InvalidInput("count", SearchError.COUNT_RANGE, 20);
        }
        return search.similar(access.scopeOf(me()), id, count);
    }

    /**
     * The index: schema version, whether it is built (or an older version still serves while it is),
     * documents in it, and how far its projection has read the event store (global index of the last
     * event applied, and of the newest event), which shows the progress of a rebuild.
     */
    /** {@code documents}: how many records the index holds, hidden ones included; for system administrators only. */
    record Status(int schemaVersion, boolean built, boolean servingOlderVersion, Integer documents, Long position,
                  Long head) {
    }

    @GetMapping("/status")
    Status status() {
        Long position = SearchConfiguration.processor(processing)
                .flatMap(p -> p.processingStatus().values().stream()
                        .map(s -> s.getCurrentPosition()).filter(java.util.OptionalLong::isPresent)
                        .map(java.util.OptionalLong::getAsLong).min(Long::compare))
                .orElse(null);
        TrackingToken headToken = eventStore.createHeadToken();
        Long head = headToken == null ? null : headToken.position().stream().boxed().findFirst().orElse(null);
        SearchIndex.Status state = index.status();
        boolean administrator = authorizer.holds(me(), Role.ADMINISTRATOR, null);
        return new Status(state.schemaVersion(), state.built(), state.servingOlderVersion(),
                administrator ? state.documents() : null, position, head);
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }
}
