/**
 * E-office (văn bản đến / đi): incoming documents registered, assigned and handled by a deadline;
 * outgoing drafts reviewed, approved, signed and issued; registers, work files and their retention;
 * attachments and their text; edXML exchange with other agencies (QCVN 102:2016). Published to other
 * modules: its {@code api} packages, {@code DocumentActions}, the readers' scope and the attachment store.
 */
package vn.egov.backbone.eoffice;
