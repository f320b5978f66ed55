package vn.egov.backbone.core.unit.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Commands on the administrative tree. */
public final class UnitCommands {
    private UnitCommands() {
    }

    public record CreateUnit(String unitId, String code, String name, UnitKind kind, String parentId) {
    }

    public record RenameUnit(@TargetAggregateIdentifier String unitId, String name, String legalBasis) {
    }

    public record MoveUnit(@TargetAggregateIdentifier String unitId, String parentId, String legalBasis) {
    }

    /** Units {@code sourceUnitIds} become the new unit {@code unitId} (A and B become C). */
    public record MergeUnits(String unitId, String code, String name, UnitKind kind, String parentId,
                             List<String> sourceUnitIds, String legalBasis) {
    }

    public record DissolveUnit(@TargetAggregateIdentifier String unitId, String legalBasis) {
    }
}
