package vn.egov.backbone.eoffice.document;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.StoredEventModule;
import vn.egov.backbone.core.privacy.SealedFields;
import vn.egov.backbone.core.privacy.SealedFields.Sealing;
import vn.egov.backbone.core.privacy.SubjectKeys;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentUpdatedBySender;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised;

import java.util.List;

/**
 * How the text of a document is stored: its body, in the events that carry it, sealed with the
 * document's own key ({@link SealedFields}, the document as subject). When its work file is destroyed
 * after its retention the key is erased, and the text reads {@code [đã xóa]} everywhere from then on;
 * the register entry (number, notation, issuer, dates, subject) stays, as the archive rules require.
 */
@Component
class SealedDocumentText implements StoredEventModule {
    private final SubjectKeys keys;

    SealedDocumentText(SubjectKeys keys) {
        this.keys = keys;
    }

    @Override
    public Module module(ObjectMapper plain) {
        return SealedFields.module("sealed-document-text", keys, plain, List.of(
                new Sealing(IncomingDocumentRegistered.class, "documentId", "/details/body"),
                new Sealing(IncomingDocumentUpdatedBySender.class, "documentId", "/details/body"),
                new Sealing(DraftCreated.class, "documentId", "/content/body"),
                new Sealing(DraftRevised.class, "documentId", "/content/body")));
    }
}
