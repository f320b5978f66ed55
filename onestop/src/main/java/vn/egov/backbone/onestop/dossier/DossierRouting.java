package vn.egov.backbone.onestop.dossier;

import vn.egov.backbone.core.shared.InvalidInput;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.ProcedureTerms;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue.ProcedureVersion;
import vn.egov.backbone.onestop.procedure.api.ProcedureCommands.Level;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a dossier goes and the code it is followed by. Routing is by competent authority, not by where
 * the dossier was filed (since 1 July 2025 a dossier can be filed anywhere in the province): the
 * province agency the procedure names, or the people's committee of the commune the applicant chose.
 */
@Component
class DossierRouting {
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private static final Set<UnitKind> COMMUNE_KINDS = EnumSet.of(UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE);

    private final UnitQueries units;
    private final ProcedureCatalogue catalogue;
    private final Clock clock;

    DossierRouting(UnitQueries units, ProcedureCatalogue catalogue, Clock clock) {
        this.units = units;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The procedures of the catalogue, each in its current version, as a submission form offers them. */
    List<ProcedureVersion> procedures() {
        return catalogue.current();
    }

    /** A procedure's current version; 400 for a code the catalogue does not hold. */
    ProcedureVersion procedure(String code) {
        return catalogue.current(code).orElseThrow(() -> new InvalidInput("procedureCode", DossierError.PROCEDURE_UNKNOWN));
    }

    /** The communes, wards and special zones of the province by name: where a commune-level procedure is decided. */
    List<UnitView> communes() {
        return units.list(false).stream().filter(unit -> COMMUNE_KINDS.contains(unit.kind()))
                .sorted(Comparator.comparing(UnitView::name)).toList();
    }

    /**
     * @param withinUnitId a unit of the province (the desk's), or null for the province of this
     *                     installation (an online submission)
     */
    UnitView competentAuthority(ProcedureVersion procedure, String withinUnitId, String communeId) {
        UnitView province;
        if (withinUnitId == null) {
            province = units.roots().get(0);
        } else {
            List<String> chain = units.selfAndAncestors(withinUnitId);
            province = units.find(chain.get(chain.size() - 1)).orElseThrow();
        }
        String code;
        if (procedure.level() == Level.PROVINCE) {
            code = province.code() + "." + procedure.agency();
        } else {
            UnitView commune = communeId == null ? null : units.find(communeId).orElse(null);
            if (commune == null || !COMMUNE_KINDS.contains(commune.kind())
                    || !units.selfAndAncestors(commune.id()).contains(province.id())) {
                throw new InvalidInput("communeId", DossierError.COMMUNE_REQUIRED);
            }
            code = commune.code() + ".UBND";
        }
        return units.findByCode(code).orElseThrow(() -> new InvalidInput("procedureCode", DossierError.NO_COMPETENT_AUTHORITY, code));
    }

    /** The terms the dossier is received under: the procedure's current version, decided by that authority. */
    static ProcedureTerms terms(ProcedureVersion procedure, UnitView competent) {
        return new ProcedureTerms(procedure.code(), procedure.version(), procedure.name(), competent.id(),
                procedure.processingDays(), procedure.feeVnd(), procedure.fullyOnline());
    }

    /** HS + the day + six letters and digits that cannot be mistaken for each other (no O/0, I/1). */
    String newTrackingCode() {
        StringBuilder code = new StringBuilder("HS").append(CODE_DATE.format(LocalDate.now(clock.withZone(DisplayDates.VIETNAM))))
                .append('-');
        for (int i = 0; i < 6; i++) {
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }
}
