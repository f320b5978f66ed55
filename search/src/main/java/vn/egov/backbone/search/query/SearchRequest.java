package vn.egov.backbone.search.query;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.search.index.SearchFields;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A search: the text as typed, filters (each optional; {@code from}/{@code to} on the document's date),
 * the order and the page (1-based).
 */
public record SearchRequest(String q, String kind, String type, String issuer, String agency, String urgency,
                            String status, Integer year, LocalDate from, LocalDate to, Sort sort, int page, int size) {
    public enum Sort { RELEVANCE, DATE }

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 500;
    /** Deep paging costs memory per request; nobody reads result 1,001 of a search. */
    public static final int MAX_RESULTS = 1000;

    public SearchRequest {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInput("q", SearchError.QUERY_TOO_LONG, MAX_QUERY_LENGTH);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", SearchError.SIZE_RANGE, MAX_SIZE);
        }
        if (page < 1 || (long) page * size > MAX_RESULTS) {
            throw new InvalidInput("page", SearchError.PAGE_RANGE, MAX_RESULTS);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("from", SearchError.FROM_AFTER_TO);
        }
        if (sort == null) {
            sort = Sort.RELEVANCE;
        }
    }

    /** The keyword filters that are set, by index field, and the year: what the page shows as active filters. */
    public Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, SearchFields.KIND, kind);
        put(filters, SearchFields.TYPE, type);
        put(filters, SearchFields.ISSUER, issuer);
        put(filters, SearchFields.AGENCY, agency);
        put(filters, SearchFields.URGENCY, urgency);
        put(filters, SearchFields.STATUS, status);
        put(filters, SearchFields.YEAR, year == null ? null : year.toString());
        return filters;
    }

    private static void put(Map<String, String> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(field, value);
        }
    }

    public static SearchRequest text(String q) {
        return new SearchRequest(q, null, null, null, null, null, null, null, null, null, Sort.RELEVANCE, 1, 10);
    }
}
