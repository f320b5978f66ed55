package vn.egov.backbone.core.unit.api;

import java.util.List;

/** Events of the administrative tree. Stored forever: never change their meaning. */
public final class UnitEvents {
    private UnitEvents() {
    }

    public record UnitCreated(String unitId, String code, String name, UnitKind kind, String parentId) {
    }

    public record UnitRenamed(String unitId, String previousName, String name, String legalBasis) {
    }

    public record UnitMoved(String unitId, String previousParentId, String parentId, String legalBasis) {
    }

    /**
     * A unit formed by a merger records, after its {@link UnitCreated}, which units it was formed from; the
     * sources each record {@link UnitMergedInto}. Until 2026-12-03 both facts were one event,
     * {@code UnitFormedByMerger}, which {@code UnitMergerUpcaster} splits into these two when it is read.
     */
    public record UnitMergedFrom(String unitId, List<String> sourceUnitIds, String legalBasis) {
    }

    public record UnitMergedInto(String unitId, String targetUnitId, String legalBasis) {
    }

    /** The unit's electronic identifier for document exchange (mã định danh điện tử), and the one it replaces. */
    public record UnitExchangeIdentifierAssigned(String unitId, String previousIdentifier, String identifier) {
    }

    public record UnitDissolved(String unitId, String legalBasis) {
    }
}
