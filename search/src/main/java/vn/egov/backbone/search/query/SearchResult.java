package vn.egov.backbone.search.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The answer to a search: the count of every matching record the official may read, one page of hits, facets. */
public record SearchResult(long total, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets) {

    /** One record found; {@code highlights} are HTML-escaped snippets with the matches in {@code <mark>}. */
    public record Hit(String id, String kind, String number, String subject, LocalDate issuedOn, String issuer,
                      String type, String status, String urgency, String agencyId, List<String> highlights) {
    }

    public record FacetValue(String value, String label, int count) {
    }

    /** A suggestion as one types: a record whose subject or number starts like the text. */
    public record Suggestion(String id, String number, String subject) {
    }
}
