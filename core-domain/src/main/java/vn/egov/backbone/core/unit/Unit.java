package vn.egov.backbone.core.unit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.unit.api.UnitCommands.DissolveUnit;
import vn.egov.backbone.core.unit.api.UnitCommands.MoveUnit;
import vn.egov.backbone.core.unit.api.UnitCommands.RenameUnit;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitCreated;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitDissolved;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitExchangeIdentifierAssigned;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMergedFrom;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMergedInto;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMoved;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitRenamed;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitStatus;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A unit of the administrative tree: a province, commune, agency or department. Creation and merges
 * need the parent's and the sources' state too, so they are handled by {@link UnitCommandHandler};
 * the aggregate guards its own lifecycle.
 */
@Aggregate
public class Unit {

    @AggregateIdentifier
    private String unitId;
    private String name;
    private String exchangeId;
    private UnitKind kind;
    private String parentId;
    private UnitStatus status;

    protected Unit() {
        // for Axon
    }

    Unit(UnitCreated created) {
        apply(created);
    }

    Unit(UnitCreated created, UnitMergedFrom mergedFrom) {
        apply(created);
        apply(mergedFrom);
    }

    @CommandHandler
    public void handle(RenameUnit command) {
        requireActive("rename");
        String name = UnitRules.requireName(command.name());
        if (name.equals(this.name)) {
            return; // nothing changes, nothing to record
        }
        apply(new UnitRenamed(unitId, this.name, name, command.legalBasis()));
    }

    @CommandHandler
    public void handle(DissolveUnit command) {
        requireActive("dissolve");
        apply(new UnitDissolved(unitId, command.legalBasis()));
    }

    /** Called by {@link UnitCommandHandler} after it has checked the format and claimed the identifier. */
    void assignExchangeId(String identifier) {
        requireActive("assign an exchange identifier to");
        if (identifier.equals(exchangeId)) {
            return;
        }
        apply(new UnitExchangeIdentifierAssigned(unitId, exchangeId, identifier));
    }

    @EventSourcingHandler
    void on(UnitExchangeIdentifierAssigned event) {
        this.exchangeId = event.identifier();
    }

    /** Called by {@link UnitCommandHandler} after it has checked the new parent. */
    void moveTo(MoveUnit command, UnitKind parentKind) {
        requireActive("move");
        if (Objects.equals(parentId, command.parentId())) {
            return;
        }
        if (unitId.equals(command.parentId())) {
            throw new BusinessRuleViolation(UnitError.OWN_PARENT);
        }
        UnitRules.requireParentKind(kind, parentKind);
        apply(new UnitMoved(unitId, parentId, command.parentId(), command.legalBasis()));
    }

    void mergeInto(String targetUnitId, String legalBasis) {
        requireActive("merge");
        apply(new UnitMergedInto(unitId, targetUnitId, legalBasis));
    }

    void requireActive(String action) {
        if (status != UnitStatus.ACTIVE) {
            throw new BusinessRuleViolation(UnitError.INACTIVE, name, status);
        }
    }

    UnitKind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    @EventSourcingHandler
    void on(UnitCreated event) {
        unitId = event.unitId();
        name = event.name();
        kind = event.kind();
        parentId = event.parentId();
        status = UnitStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(UnitRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(UnitMoved event) {
        parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(UnitMergedInto event) {
        status = UnitStatus.MERGED;
    }

    @EventSourcingHandler
    void on(UnitDissolved event) {
        status = UnitStatus.DISSOLVED;
    }
}
