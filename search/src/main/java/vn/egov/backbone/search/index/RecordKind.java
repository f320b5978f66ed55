package vn.egov.backbone.search.index;

/** What a record in the index is: a document coming in or going out, a meeting with its minutes, a dossier. */
public enum RecordKind {
    INCOMING, OUTGOING, MEETING, DOSSIER
}
