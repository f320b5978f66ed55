package vn.egov.backbone.search.query;

import vn.egov.backbone.core.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.search.index.RecordKind;

import java.time.LocalDate;

/**
 * The parameters of a search as the API and the page take them ({@code ?q=…&type=QUYET_DINH&from=2025-01-01});
 * a value that is not one of its kind (an unknown type, a malformed date) is a 400 before any search.
 */
record SearchForm(String q, RecordKind kind, DocumentType type, String issuer, String agency, Urgency urgency,
                  String status, Integer year,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  SearchRequest.Sort sort, Integer page, Integer size) {

    /** The statuses records have: documents', dossiers' (prefixed, as the national portal numbers them) and meetings'. */
    static final java.util.Set<String> STATUSES = java.util.stream.Stream.concat(java.util.stream.Stream.concat(
                    java.util.Arrays.stream(DocumentStatus.values()).map(Enum::name),
                    java.util.Arrays.stream(DossierStatus.values()).map(s -> RecordKind.DOSSIER.name() + "_" + s.name())),
            java.util.stream.Stream.of("SCHEDULED", "CANCELLED", "MINUTES_DRAFTED", "MINUTES_APPROVED")
                    .map(s -> RecordKind.MEETING.name() + "_" + s)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The search for {@code query} (the text, possibly shortened by the caller) on the given page. */
    SearchRequest toRequest(String query, int pageNumber, int pageSize) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInput("status", SearchError.STATUS_UNKNOWN);
        }
        return new SearchRequest(query, name(kind), name(type), issuer, agency, name(urgency), status, year, from, to,
                sort, pageNumber, pageSize);
    }

    /** The same search with its dates in order: on the page, two dates picked the wrong way round mean the range between them. */
    SearchForm withDatesInOrder() {
        if (from == null || to == null || !from.isAfter(to)) {
            return this;
        }
        return new SearchForm(q, kind, type, issuer, agency, urgency, status, year, to, from, sort, page, size);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
