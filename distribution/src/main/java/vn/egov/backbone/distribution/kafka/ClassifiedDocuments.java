package vn.egov.backbone.distribution.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps classified content off the topics. A document is classified from the event that says so
 * (registration, draft, revision) on, and stays so for publishing even if a revision lowers it: its
 * earlier events already carried classified text. Any event that names such a document — its own, or
 * another aggregate's that refers to it — goes out with identifiers only.
 */
@Component
class ClassifiedDocuments {
    private final JdbcClient jdbc;

    ClassifiedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the document if this event classifies it. */
    void learn(Object payload) {
        String documentId = null;
        Classification classification = null;
        switch (payload) {
            case IncomingDocumentRegistered e -> {
                documentId = e.documentId();
                classification = e.details().classification();
            }
            case DraftCreated e -> {
                documentId = e.documentId();
                classification = e.content().classification();
            }
            case DraftRevised e -> {
                documentId = e.documentId();
                classification = e.content().classification();
            }
            default -> {
            }
        }
        if (documentId != null && classification != null && classification.classified()) {
            jdbc.sql("INSERT INTO published_classified_document (document_id) VALUES (:id) ON CONFLICT DO NOTHING")
                    .param("id", documentId).update();
        }
    }

    /** The payload with identifiers only, if it names a classified document. */
    Optional<JsonNode> redact(JsonNode payload) {
        if (!(payload instanceof ObjectNode object) || !namesClassified(object)) {
            return Optional.empty();
        }
        ObjectNode identifiers = object.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (identifier(field.getKey()) && (field.getValue().isTextual() || field.getValue().isArray())) {
                identifiers.set(field.getKey(), field.getValue());
            }
        }
        return Optional.of(identifiers);
    }

    private boolean namesClassified(ObjectNode payload) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("ocumentId") && field.getValue().isTextual() && classified(field.getValue().asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean classified(String documentId) {
        return jdbc.sql("SELECT COUNT(*) FROM published_classified_document WHERE document_id = :id")
                .param("id", documentId).query(Long.class).single() > 0;
    }

    private static boolean identifier(String field) {
        return field.equals("id") || field.endsWith("Id") || field.endsWith("Ids");
    }
}
