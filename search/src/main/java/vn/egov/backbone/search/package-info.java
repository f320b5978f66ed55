/**
 * Vietnamese full-text search over documents, meetings and dossiers, with or without diacritics: a
 * Lucene index per node, kept by a projection of the event stream, searched within what the reader
 * may see.
 */
package vn.egov.backbone.search;
