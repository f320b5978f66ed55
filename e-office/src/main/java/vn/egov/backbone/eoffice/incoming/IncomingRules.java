package vn.egov.backbone.eoffice.incoming;

import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** What makes the details of a received document registrable. */
final class IncomingRules {
    /** Số và ký hiệu: a number, a slash and a notation of letters (with Vietnamese ones), digits, '.', '-': 1588/QĐ-TTg. */
    static final Pattern NUMBER = Pattern.compile("\\d{1,7}/[\\p{L}\\p{N}][\\p{L}\\p{N}.\\-]{0,60}");

    private IncomingRules() {
    }

    /** Numbers of packages from other systems: whatever the sender wrote, within reason (tolerant reading). */
    static final Pattern RECEIVED_NUMBER = Pattern.compile("[^\\p{Cntrl}]{1,100}");

    static IncomingDetails check(IncomingDetails raw, LocalDate today) {
        return check(raw, today, NUMBER);
    }

    static IncomingDetails check(IncomingDetails raw, LocalDate today, Pattern numberPattern) {
        if (raw == null) {
            throw new IllegalArgumentException("details: missing");
        }
        IncomingDetails d = IncomingDocuments.withDefaults(raw);
        String number = d.number() == null ? "" : d.number().strip().replaceAll("\\s*/\\s*", "/");
        if (!numberPattern.matcher(number).matches()) {
            throw new IllegalArgumentException("number: the sender's number and notation, e.g. 1588/QĐ-TTg");
        }
        String issuer = text(d.issuer(), "issuer", 255);
        String subject = text(d.subject(), "subject", 1000);
        if (d.issuedOn() == null) {
            throw new IllegalArgumentException("issuedOn: required");
        }
        if (d.issuedOn().isAfter(today)) {
            throw new IllegalArgumentException("issuedOn: cannot be in the future");
        }
        if (d.type() == null) {
            throw new IllegalArgumentException("type: required, one of " + List.of(vn.egov.backbone.eoffice.document.api.DocumentType.values()));
        }
        if (d.dueOn() != null && d.dueOn().isBefore(d.issuedOn())) {
            throw new IllegalArgumentException("dueOn: cannot be before the issue date");
        }
        if (d.pageCount() != null && (d.pageCount() < 0 || d.pageCount() > 100_000)) {
            throw new IllegalArgumentException("pageCount: between 0 and 100000");
        }
        if (d.body() != null && d.body().length() > 1_000_000) {
            throw new IllegalArgumentException("body: at most 1,000,000 characters");
        }
        return new IncomingDetails(number, issuer, d.issuedOn(), d.type(), subject, d.body(), d.urgency(),
                d.classification(), d.dueOn(), d.pageCount());
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        if (value.strip().length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters");
        }
        return value.strip();
    }
}
