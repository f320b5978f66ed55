package vn.egov.backbone.search.query;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.eoffice.document.DocumentAccess;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search page: one box, facets on the side to narrow down (each a link that adds or removes a
 * filter), hits with highlighted snippets, and suggestions while typing.
 */
@Controller
class SearchPageController {
    private static final int PAGE_SIZE = 20;

    private final SearchQueries search;
    private final DocumentAccess access;
    private final FacetLabels labels;

    SearchPageController(SearchQueries search, DocumentAccess access, FacetLabels labels) {
        this.search = search;
        this.access = access;
        this.labels = labels;
    }

    @GetMapping("/search")
    String page(SearchForm form, Model model) {
        String q = form.q();
        if (q != null && q.length() > SearchRequest.MAX_QUERY_LENGTH) {
            q = q.substring(0, SearchRequest.MAX_QUERY_LENGTH); // a pasted page of text: search its beginning
        }
        int page = Math.max(1, Math.min(form.page() == null ? 1 : form.page(), SearchRequest.MAX_RESULTS / PAGE_SIZE));
        SearchRequest request = form.withDatesInOrder().toRequest(q, page, PAGE_SIZE);
        Map<String, String> filters = request.filters();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("filters", filters);
        model.addAttribute("activeFilters", filters.entrySet().stream()
                .map(e -> new Link(labels.label(e.getKey(), e.getValue()), 0, withParam(e.getKey(), null), true)).toList());
        model.addAttribute("from", request.from());
        model.addAttribute("to", request.to());
        model.addAttribute("sort", request.sort().name());
        boolean searched = q != null || !filters.isEmpty() || request.from() != null || request.to() != null;
        model.addAttribute("searched", searched);
        if (searched) {
            SearchResult result = labels.labelled(search.search(access.scopeOf(me()), request));
            model.addAttribute("result", result);
            Map<String, List<Link>> facets = new LinkedHashMap<>();
            result.facets().forEach((field, values) -> {
                if (!values.isEmpty()) {
                    facets.put(field, values.stream().map(v -> new Link(v.label(), v.count(),
                            withParam(field, v.value()), v.value().equals(filters.get(field)))).toList());
                }
            });
            model.addAttribute("facets", facets);
            model.addAttribute("pageLink", withParam("page", "{page}"));
            model.addAttribute("pages", (int) Math.min((result.total() + PAGE_SIZE - 1) / PAGE_SIZE,
                    SearchRequest.MAX_RESULTS / PAGE_SIZE));
        }
        return "search/search";
    }

    /** Suggestions for the page's search box (the page is signed in with a session, not an API token). */
    @GetMapping("/search/suggest")
    @ResponseBody
    List<SearchResult.Suggestion> suggest(@RequestParam String q) {
        return search.suggest(access.scopeOf(me()), q);
    }

    /** A facet value or an active filter as a link that sets (or, with a null value, removes) it. */
    record Link(String label, int count, String href, boolean active) {
    }

    /** The current search's URL with one parameter set or removed, back on the first page. */
    private static String withParam(String name, String value) {
        UriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page");
        url.replaceQueryParam(name, value == null ? new Object[0] : new Object[] {value});
        return url.build().encode().toUriString().replace("%7Bpage%7D", "{page}");
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }
}
