package vn.egov.backbone.core.unit;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.unit.api.UnitCommands.CreateUnit;
import vn.egov.backbone.core.unit.api.UnitCommands.DissolveUnit;
import vn.egov.backbone.core.unit.api.UnitCommands.MergeUnits;
import vn.egov.backbone.core.unit.api.UnitCommands.MoveUnit;
import vn.egov.backbone.core.unit.api.UnitCommands.AssignExchangeIdentifier;
import vn.egov.backbone.core.unit.api.UnitCommands.RenameUnit;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.core.unit.api.UnitKind;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The writes of the administrative tree, for the API and the pages alike. Each needs ADMINISTRATOR over
 * every unit it touches: the parent for a new unit, the unit and its new parent for a move, every merged
 * unit and the parent of the new one for a merger; a unit without a parent needs a system-wide one.
 */
@Service
public class UnitActions {
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(3);

    private final Commands commands;
    private final Authorizer authorizer;
    private final ReadYourWrites readYourWrites;
    private final UnitQueries units;

    UnitActions(Commands commands, Authorizer authorizer, ReadYourWrites readYourWrites,
                       UnitQueries units) {
        this.commands = commands;
        this.authorizer = authorizer;
        this.readYourWrites = readYourWrites;
        this.units = units;
    }

    /** @return the new unit's id */
    public String create(String code, String name, UnitKind kind, String parentId) {
        authorizer.require(Role.ADMINISTRATOR, parentId);
        String id = commands.send(new CreateUnit(UUID.randomUUID().toString(), code, name, kind, parentId));
        awaitReadModel(id); // the page that says "added" lists it
        return id;
    }

    /** @param expectedVersion the version the caller saw (If-Match), or null */
    public void rename(String unitId, String name, String legalBasis, Long expectedVersion) {
        authorizer.require(Role.ADMINISTRATOR, unitId);
        commands.send(new RenameUnit(unitId, name, legalBasis, expectedVersion));
        awaitReadModel(unitId);
    }

    /** Gives a unit its electronic identifier for document exchange (QĐ 20/2020/QĐ-TTg). */
    public void assignExchangeIdentifier(String unitId, String identifier) {
        authorizer.require(Role.ADMINISTRATOR, unitId);
        commands.send(new AssignExchangeIdentifier(unitId, identifier));
        // the exchange routes packages by it from the next request on
        awaitReadModel(unitId);
    }

    public void move(String unitId, String parentId, String legalBasis) {
        authorizer.require(Role.ADMINISTRATOR, unitId);
        authorizer.require(Role.ADMINISTRATOR, parentId);
        commands.send(new MoveUnit(unitId, parentId, legalBasis));
        awaitReadModel(unitId);
    }

    /** @return the id of the unit the others are merged into */
    public String merge(String code, String name, UnitKind kind, String parentId, List<String> sourceUnitIds,
                        String legalBasis) {
        authorizer.require(Role.ADMINISTRATOR, parentId);
        sourceUnitIds.forEach(source -> authorizer.require(Role.ADMINISTRATOR, source));
        String id = commands.send(new MergeUnits(UUID.randomUUID().toString(), code, name, kind, parentId, sourceUnitIds,
                legalBasis));
        awaitReadModel(id);
        sourceUnitIds.forEach(this::awaitReadModel);
        return id;
    }

    public void dissolve(String unitId, String legalBasis) {
        authorizer.require(Role.ADMINISTRATOR, unitId);
        commands.send(new DissolveUnit(unitId, legalBasis));
        awaitReadModel(unitId);
    }

    /**
     * The tree's read model has caught up with the unit's last event: the page shown next lists the change, and
     * the document exchange routes by a new identifier from the next request on. Bounded: a slow projection delays
     * the answer, never fails it.
     */
    private void awaitReadModel(String unitId) {
        readYourWrites.await(unitId, () -> units.find(unitId).map(UnitView::version), READ_MODEL_WAIT);
    }
}
