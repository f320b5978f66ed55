package vn.egov.backbone.core.eventing;

/**
 * Who is acting right now. Resolved from the signed-in official and the HTTP request by the web
 * layer, or the system itself when no one is signed in (start-up seeding, deadlines).
 */
public record ActingContext(String officialId, String username, String unitId, String clientAddress) {

    public static ActingContext system() {
        return new ActingContext(ActingMetadata.SYSTEM, ActingMetadata.SYSTEM, null, null);
    }
}
