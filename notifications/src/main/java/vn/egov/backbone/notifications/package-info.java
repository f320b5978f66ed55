/**
 * Who is told what: notifications decided once per event from the stream of documents, meetings and
 * dossiers, kept in an outbox, sent by e-mail, SMS or Zalo ZNS, retried when a channel fails and recorded
 * in a delivery log.
 */
package vn.egov.backbone.notifications;
