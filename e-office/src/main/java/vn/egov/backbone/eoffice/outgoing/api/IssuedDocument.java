package vn.egov.backbone.eoffice.outgoing.api;

import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.Delivery;

import java.util.List;

/** What issuing gave: the register number, the notation and where the document went inside Backbone. */
public record IssuedDocument(String documentId, int registerYear, long registerNumber, String notation,
                             List<Delivery> deliveries) {
}
