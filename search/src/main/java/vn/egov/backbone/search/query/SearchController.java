package vn.egov.backbone.search.query;

import vn.egov.backbone.core.shared.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.eoffice.document.DocumentAccess;

import java.util.List;

/** Full-text search over everything the signed-in official may read. */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {
    private final SearchQueries search;
    private final DocumentAccess access;
    private final FacetLabels labels;
    private final IndexStatusQueries status;

    SearchController(SearchQueries search, DocumentAccess access, FacetLabels labels, IndexStatusQueries status) {
        this.search = search;
        this.access = access;
        this.labels = labels;
        this.status = status;
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

    /** The index's state and how far its projection has read (see {@link IndexStatusQueries}). */
    @GetMapping("/status")
    IndexStatusQueries.Status status() {
        return status.status();
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }
}
