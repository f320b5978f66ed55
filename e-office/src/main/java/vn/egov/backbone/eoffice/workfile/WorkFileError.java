package vn.egov.backbone.eoffice.workfile;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a request about a work file (hồ sơ công việc) is refused. Messages: {@code error.workfile.*} in the module's bundles. */
public enum WorkFileError implements ErrorCode {
    DOCUMENT_ALREADY_IN, DOCUMENT_NOT_IN, EMPTY_CANNOT_CLOSE, ALREADY_ARCHIVED, ARCHIVE_ONLY_CLOSED, ALREADY_DESTROYED,
    DESTROY_ONLY_ARCHIVED, KEPT_PERMANENTLY, KEPT_UNTIL, READ_ONLY, OWN_AGENCY_ONLY, CODE_TAKEN, CODE_FORMAT,
    TITLE_LENGTH, YEAR_REQUIRED, RETENTION_RANGE, DECISION_LENGTH, NOT_FOUND, AGENCY_HIDDEN, OPEN_NEEDS_ROLE,
    CLOSE_NEEDS_KEEPER;

    @Override
    public String feature() {
        return "workfile";
    }
}
