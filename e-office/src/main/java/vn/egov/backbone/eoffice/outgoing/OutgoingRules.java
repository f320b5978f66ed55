package vn.egov.backbone.eoffice.outgoing;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;

import java.util.LinkedHashSet;
import java.util.List;

final class OutgoingRules {
    private OutgoingRules() {
    }

    static DraftContent check(DraftContent c) {
        if (c == null) {
            throw new InvalidInput("content", OutgoingError.CONTENT_MISSING);
        }
        if (c.type() == null) {
            throw new InvalidInput("type", OutgoingError.TYPE_REQUIRED);
        }
        if (c.subject() == null || c.subject().isBlank()) {
            throw new InvalidInput("subject", OutgoingError.SUBJECT_BLANK);
        }
        if (c.subject().strip().length() > 1000) {
            throw new InvalidInput("subject", OutgoingError.SUBJECT_TOO_LONG, 1000);
        }
        if (c.body() != null && c.body().length() > 1_000_000) {
            throw new InvalidInput("body", OutgoingError.BODY_TOO_LONG);
        }
        List<String> internal = cleaned(c.internalRecipients());
        List<String> external = cleaned(c.externalRecipients());
        if (external.stream().anyMatch(r -> r.length() > 255)) {
            throw new InvalidInput("externalRecipients", OutgoingError.RECIPIENT_TOO_LONG, 255);
        }
        return new DraftContent(c.type(), c.subject().strip(), c.body(), internal, external,
                c.urgency() == null ? Urgency.NORMAL : c.urgency(),
                c.classification() == null ? Classification.NONE : c.classification(), c.dueOn(),
                c.replacesDocumentId() == null || c.replacesDocumentId().isBlank() ? null : c.replacesDocumentId());
    }

    private static List<String> cleaned(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .toList()));
    }
}
