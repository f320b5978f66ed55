package vn.egov.backbone.search.query;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a search request is refused. Messages: {@code error.search.*} in the module's bundles. */
public enum SearchError implements ErrorCode {
    COUNT_RANGE, STATUS_UNKNOWN, QUERY_TOO_LONG, SIZE_RANGE, PAGE_RANGE, FROM_AFTER_TO, NO_DOCUMENT_TO_COMPARE;

    @Override
    public String feature() {
        return "search";
    }
}
