package vn.egov.backbone.core.unit;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.NotFound;

/**
 * Reads the unit from the event store rather than the read model, so that a command sent right
 * after a unit was created sees it.
 */
@Component
class EventSourcedUnitGuard implements UnitGuard {
    private final Repository<Unit> units;

    EventSourcedUnitGuard(Repository<Unit> units) {
        this.units = units;
    }

    @Override
    public void requireActive(String unitId, String action) {
        try {
            units.load(unitId).execute(unit -> unit.requireActive(action));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new NotFound(UnitError.NOT_FOUND, unitId);
        }
    }
}
