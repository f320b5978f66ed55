package vn.egov.backbone.core.unit.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Commands on the administrative tree. */
public final class UnitCommands {
    private UnitCommands() {
    }

    public record CreateUnit(String unitId, String code, String name, UnitKind kind, String parentId) {
    }

    /** {@code expectedVersion}: the version the caller saw (If-Match), or null to rename whatever is current. */
    public record RenameUnit(@TargetAggregateIdentifier String unitId, String name, String legalBasis,
                             @TargetAggregateVersion Long expectedVersion) {
        public RenameUnit(String unitId, String name, String legalBasis) {
            this(unitId, name, legalBasis, null);
        }
    }

    public record MoveUnit(@TargetAggregateIdentifier String unitId, String parentId, String legalBasis) {
    }

    /** Units {@code sourceUnitIds} become the new unit {@code unitId} (A and B become C). */
    public record MergeUnits(String unitId, String code, String name, UnitKind kind, String parentId,
                             List<String> sourceUnitIds, String legalBasis) {
    }

    /** Gives a unit its electronic identifier for document exchange (replacing the one it had). */
    public record AssignExchangeIdentifier(@TargetAggregateIdentifier String unitId, String identifier) {
    }

    public record DissolveUnit(@TargetAggregateIdentifier String unitId, String legalBasis) {
    }
}
