package vn.egov.backbone.core.unit;

import vn.egov.backbone.core.shared.InvalidInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.api.UnitCommands.AssignExchangeIdentifier;
import vn.egov.backbone.core.unit.api.UnitCommands.CreateUnit;
import vn.egov.backbone.core.unit.api.UnitCommands.MergeUnits;
import vn.egov.backbone.core.unit.api.UnitCommands.MoveUnit;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitCreated;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitCreated;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMergedFrom;
import vn.egov.backbone.core.unit.api.UnitKind;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Commands that involve more than one unit: creation checks the parent, moving checks the new
 * parent, and a merger changes every source and creates the target, all in one unit of work (one
 * database transaction), so a merger is never half done.
 */
@Component
class UnitCommandHandler {

    private final Repository<Unit> units;
    private final UnitCodes codes;

    UnitCommandHandler(Repository<Unit> units, UnitCodes codes) {
        this.units = units;
        this.codes = codes;
    }

    @CommandHandler
    public String handle(CreateUnit command) throws Exception {
        String name = UnitRules.requireName(command.name());
        String code = UnitRules.requireCode(command.code());
        requireKind(command.kind());
        UnitRules.requireParentKind(command.kind(), activeParentKind(command.parentId()));
        codes.claim(code, command.unitId());
        units.newInstance(() -> new Unit(new UnitCreated(command.unitId(), code, name, command.kind(), command.parentId())));
        return command.unitId();
    }

    @CommandHandler
    public void handle(AssignExchangeIdentifier command) {
        String identifier = UnitRules.requireExchangeId(command.identifier());
        var unit = load(command.unitId());
        codes.claimExchangeId(identifier, command.unitId());
        unit.execute(u -> u.assignExchangeId(identifier));
    }

    @CommandHandler
    public void handle(MoveUnit command) {
        UnitKind parentKind = activeParentKind(command.parentId());
        load(command.unitId()).execute(unit -> unit.moveTo(command, parentKind));
    }

    @CommandHandler
    public String handle(MergeUnits command) throws Exception {
        String name = UnitRules.requireName(command.name());
        String code = UnitRules.requireCode(command.code());
        requireKind(command.kind());
        Set<String> sources = new LinkedHashSet<>(command.sourceUnitIds() == null ? List.of() : command.sourceUnitIds());
        if (sources.size() < 2) {
            throw new InvalidInput("sourceUnitIds", UnitError.MERGE_NEEDS_TWO);
        }
        if (sources.contains(command.parentId())) {
            throw new BusinessRuleViolation(UnitError.MERGE_UNDER_SOURCE);
        }
        UnitRules.requireParentKind(command.kind(), activeParentKind(command.parentId()));
        for (String sourceId : sources) {
            load(sourceId).execute(source -> {
                if (!source.kind().mergeableWith(command.kind())) {
                    throw new BusinessRuleViolation(UnitError.MERGE_KIND, source.name(), source.kind(), command.kind());
                }
                source.mergeInto(command.unitId(), command.legalBasis());
            });
        }
        codes.claim(code, command.unitId());
        units.newInstance(() -> new Unit(new UnitCreated(command.unitId(), code, name, command.kind(), command.parentId()),
                new UnitMergedFrom(command.unitId(), List.copyOf(sources), command.legalBasis())));
        return command.unitId();
    }

    private static void requireKind(UnitKind kind) {
        if (kind == null) {
            throw new InvalidInput("kind", UnitError.KIND_REQUIRED, List.of(UnitKind.values()));
        }
    }

    private UnitKind activeParentKind(String parentId) {
        if (parentId == null || parentId.isBlank()) {
            return null;
        }
        Aggregate<Unit> parent = load(parentId);
        return parent.invoke(unit -> {
            unit.requireActive("place units under");
            return unit.kind();
        });
    }

    private Aggregate<Unit> load(String unitId) {
        try {
            return units.load(unitId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // an unknown id, or the id of something that is not a unit (an official, a document)
            throw new NotFound(UnitError.NOT_FOUND, unitId);
        }
    }
}
