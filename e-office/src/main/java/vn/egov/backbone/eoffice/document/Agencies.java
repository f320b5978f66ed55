package vn.egov.backbone.eoffice.document;

import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitView;

import java.util.List;
import java.util.Locale;

/**
 * Registers and notations belong to agencies (a sở, a people's committee). An official working in a
 * department acts for the agency above it.
 */
@Component
public class Agencies {
    private final UnitQueries units;

    public Agencies(UnitQueries units) {
        this.units = units;
    }

    /** The agency a unit belongs to (the unit itself if it is one). */
    public UnitView agencyOf(String unitId) {
        if (unitId == null) {
            throw new BusinessRuleViolation(DocumentError.NO_ACTING_UNIT);
        }
        if (units.find(unitId).isEmpty()) {
            throw new NotFound(DocumentError.UNIT_NOT_FOUND, unitId);
        }
        return units.enclosingAgency(unitId).orElseThrow(() -> new BusinessRuleViolation(DocumentError.NO_AGENCY, unitId));
    }

    /** The agency a unit belongs to, or empty for a unit outside any agency (a commune itself) or an unknown one. */
    public java.util.Optional<String> agencyIdOf(String unitId) {
        try {
            return java.util.Optional.of(agencyOf(unitId).id());
        } catch (BusinessRuleViolation | NotFound notInAnAgency) {
            return java.util.Optional.empty();
        }
    }

    /** The active departments (phòng) within the agency. */
    public List<UnitView> departmentsOf(String agencyId) {
        return units.list(false).stream().filter(u -> u.kind() == UnitKind.DEPARTMENT)
                .filter(u -> agencyIdOf(u.id()).filter(agencyId::equals).isPresent()).toList();
    }

    /** The agency part of a notation: the last segment of its code ({@code HS.SNV} gives {@code SNV}). */
    public static String abbreviation(UnitView agency) {
        String code = agency.code();
        return code.substring(code.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    }
}
