package vn.egov.backbone.eoffice.document.api;

import java.time.Instant;
import java.time.LocalDate;

/** A document as lists, registers and the document page show it. */
public record DocumentView(String id, Direction direction, String agencyId, DocumentStatus status, Integer registerYear,
                           Long registerNumber, String number, String issuer, LocalDate issuedOn, LocalDate receivedOn,
                           DocumentType type, String subject, String body, Urgency urgency,
                           Classification classification, LocalDate dueOn, Integer pageCount, String channel,
                           String sourceDocumentId, String replacesDocumentId, String drafterId, String reviewerId,
                           String approverId, String signerName, Integer draftVersion, String instruction,
                           LocalDate deadline, boolean overdue, Instant createdAt, Instant updatedAt, long version) {
}
