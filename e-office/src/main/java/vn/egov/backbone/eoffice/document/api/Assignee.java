package vn.egov.backbone.eoffice.document.api;

/** Who handles a document: an official, or a department (unit) as a whole. */
public record Assignee(Kind kind, String id) {
    public enum Kind { OFFICIAL, UNIT }

    public static Assignee official(String officialId) {
        return new Assignee(Kind.OFFICIAL, officialId);
    }

    public static Assignee unit(String unitId) {
        return new Assignee(Kind.UNIT, unitId);
    }
}
