package vn.egov.backbone.eoffice.document;

import vn.egov.backbone.eoffice.document.api.Classification;

import java.util.Set;

/**
 * What one official may read, resolved from their current roles and clearance: the one rule that the
 * SQL read models ({@link DocumentQueries}) and the search index both apply.
 * <ul>
 *   <li>an unclassified document: inside its agency ({@code agencies}: the official's agencies and
 *       those merged into them, or everywhere for a system-wide role) or with a role on the document;</li>
 *   <li>a classified one: a {@code classifications} level the clearance covers, and a role on the
 *       document or leading / keeping the registers of its agency ({@code leaderAgencies}).</li>
 * </ul>
 * "A role on the document" is being a participant ({@code officialId}) or belonging to a department
 * assigned to it ({@code units}).
 */
public record ReaderScope(String officialId, boolean everywhere, Set<String> agencies, Set<String> units,
                          Set<Classification> classifications, Set<String> leaderAgencies) {

    public static ReaderScope nothing(String officialId) {
        return new ReaderScope(officialId, false, Set.of(), Set.of(), Set.of(), Set.of());
    }
}
