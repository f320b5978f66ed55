/**
 * Distribution: every event published on Kafka for other systems, classified documents' content kept out.
 */
package vn.egov.backbone.distribution;
