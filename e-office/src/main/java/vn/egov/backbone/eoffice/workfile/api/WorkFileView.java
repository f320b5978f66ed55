package vn.egov.backbone.eoffice.workfile.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.LocalDate;

/**
 * A work file as its agency's officials see it: where it stands in its life (open, closed, archived, destroyed)
 * and the dates that drive it. The API's v1 clients read it with snake_case names (as the read model's columns
 * were first served), so it keeps them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkFileView(String id, String agencyId, int listYear, String code, String title, Integer retentionYears,
                           String keeperId, String status, int documentCount, LocalDate closedOn, LocalDate archiveDueOn,
                           LocalDate archivedOn, LocalDate keepUntil, LocalDate destroyedOn, String destructionDecision,
                           long version) {
}
