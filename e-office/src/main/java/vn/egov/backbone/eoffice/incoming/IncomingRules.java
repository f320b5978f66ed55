package vn.egov.backbone.eoffice.incoming;

import vn.egov.backbone.core.shared.Label;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.eoffice.document.api.DocumentNumber;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What makes the details of a received document registrable. */
final class IncomingRules {
    /** Số và ký hiệu as a clerk types it: {@link DocumentNumber}, the definition search uses too. */
    static final Predicate<String> NUMBER = DocumentNumber::isWellFormed;

    private IncomingRules() {
    }

    /** Numbers of packages from other systems: whatever the sender wrote, within reason (tolerant reading). */
    static final Predicate<String> RECEIVED_NUMBER = Pattern.compile("[^\\p{Cntrl}]{1,100}").asMatchPredicate();

    static IncomingDetails check(IncomingDetails raw, LocalDate today) {
        return check(raw, today, NUMBER, null);
    }

    /**
     * The details of a package from another system, read tolerantly: what the receiving office would
     * register from a paper letter with the same oddity (a due date before the issue date, an issue date
     * ahead of ours, a page count out of range) is kept as the sender wrote it (a page count out of range
     * is dropped) and named in {@code warnings}; only what cannot be registered at all is refused.
     */
    static IncomingDetails checkReceived(IncomingDetails raw, LocalDate today, List<IncomingError> warnings) {
        return check(raw, today, RECEIVED_NUMBER, warnings);
    }

    /** @param warnings where oddities go when reading tolerantly; null refuses them */
    private static IncomingDetails check(IncomingDetails raw, LocalDate today, Predicate<String> numberRule,
                                         List<IncomingError> warnings) {
        if (raw == null) {
            throw new InvalidInput("details", IncomingError.DETAILS_MISSING);
        }
        IncomingDetails d = IncomingCommandHandler.withDefaults(raw);
        String number = DocumentNumber.normalise(d.number());
        if (!numberRule.test(number)) {
            throw new InvalidInput("number", IncomingError.NUMBER_FORMAT);
        }
        String issuer = text(d.issuer(), "issuer", 255);
        String subject = text(d.subject(), "subject", 1000);
        if (d.issuedOn() == null) {
            throw new InvalidInput("issuedOn", IncomingError.ISSUED_ON_REQUIRED);
        }
        if (d.issuedOn().isAfter(today)) {
            odd(warnings, "issuedOn", IncomingError.ISSUED_ON_FUTURE);
        }
        if (d.type() == null) {
            throw new InvalidInput("type", IncomingError.TYPE_REQUIRED);
        }
        if (d.dueOn() != null && d.dueOn().isBefore(d.issuedOn())) {
            odd(warnings, "dueOn", IncomingError.DUE_BEFORE_ISSUE);
        }
        Integer pageCount = d.pageCount();
        if (pageCount != null && (pageCount < 0 || pageCount > 100_000)) {
            odd(warnings, "pageCount", IncomingError.PAGE_COUNT_RANGE, 100_000);
            pageCount = null;
        }
        if (d.body() != null && d.body().length() > 1_000_000) {
            throw new InvalidInput("body", IncomingError.BODY_TOO_LONG);
        }
        return new IncomingDetails(number, issuer, d.issuedOn(), d.type(), subject, d.body(), d.urgency(),
                d.classification(), d.dueOn(), pageCount);
    }

    private static void odd(List<IncomingError> warnings, String field, IncomingError oddity, Object... arguments) {
        if (warnings == null) {
            throw new InvalidInput(field, oddity, arguments);
        }
        warnings.add(oddity);
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, IncomingError.BLANK, Label.field(field));
        }
        if (value.strip().length() > max) {
            throw new InvalidInput(field, IncomingError.TOO_LONG, Label.field(field), max);
        }
        return value.strip();
    }
}
