package vn.egov.backbone.core.unit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.unit.api.UnitCommands.CreateUnit;
import vn.egov.backbone.core.unit.api.UnitCommands.DissolveUnit;
import vn.egov.backbone.core.unit.api.UnitCommands.RenameUnit;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitCreated;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitDissolved;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitMergedInto;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitRenamed;
import vn.egov.backbone.core.unit.api.UnitKind;

import java.util.HashMap;
import java.util.Map;

class UnitTest {
    private static final String ID = "unit-1";
    private static final UnitCreated COMMUNE_CREATED =
            new UnitCreated(ID, "HS.001", "Xã Tân Lập", UnitKind.COMMUNE, "province-1");

    private final Map<String, String> claimedCodes = new HashMap<>();
    private final Map<String, String> claimedExchangeIds = new HashMap<>();
    private AggregateTestFixture<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
        UnitCodes codes = new UnitCodes() {
            @Override
            public void claim(String code, String unitId) {
                if (claimedCodes.putIfAbsent(code.toUpperCase(), unitId) != null) {
                    throw new BusinessRuleViolation(UnitError.CODE_TAKEN, code);
                }
            }

            @Override
            public void claimExchangeId(String identifier, String unitId) {
                String holder = claimedExchangeIds.get(identifier);
                if (holder != null && !holder.equals(unitId)) {
                    throw new BusinessRuleViolation(UnitError.EXCHANGE_ID_TAKEN, identifier);
                }
                claimedExchangeIds.values().remove(unitId);
                claimedExchangeIds.put(identifier, unitId);
            }
        };
        fixture.registerAnnotatedCommandHandler(new UnitCommandHandler(fixture.getRepository(), codes));
    }

    @Test
    void aUnitGetsItsExchangeIdentifierInTheFormOfTheDecisionAndNoOtherUnitMayHoldIt() {
        fixture.given(COMMUNE_CREATED)
                .when(new vn.egov.backbone.core.unit.api.UnitCommands.AssignExchangeIdentifier(ID, " 000.00.00.h41 "))
                .expectEvents(new vn.egov.backbone.core.unit.api.UnitEvents.UnitExchangeIdentifierAssigned(ID, null,
                        "000.00.00.H41"));
    }

    @Test
    void anExchangeIdentifierNotInTheFormOfTheDecisionIsRefused() {
        fixture.given(COMMUNE_CREATED)
                .when(new vn.egov.backbone.core.unit.api.UnitCommands.AssignExchangeIdentifier(ID, "H41"))
                .expectException(vn.egov.backbone.core.shared.InvalidInput.class);
    }

    @Test
    void anExchangeIdentifierAnotherUnitHoldsIsRefused() {
        claimedExchangeIds.put("28.22.H17", "another-unit");
        fixture.given(COMMUNE_CREATED)
                .when(new vn.egov.backbone.core.unit.api.UnitCommands.AssignExchangeIdentifier(ID, "28.22.H17"))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void createsAProvinceAtTheRootOfTheTree() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnit(ID, " HS ", "Tỉnh Hòa Sơn", UnitKind.PROVINCE, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitCreated(ID, "HS", "Tỉnh Hòa Sơn", UnitKind.PROVINCE, null));
    }

    @Test
    void refusesACommuneWithoutAParent() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnit(ID, "HS.001", "Xã Tân Lập", UnitKind.COMMUNE, null))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("unit.parent-required"))
                .expectNoEvents();
    }

    @Test
    void refusesABlankNameAndABadCode() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnit(ID, "HS", "  ", UnitKind.PROVINCE, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateUnit(ID, "mã có dấu", "Tỉnh Hòa Sơn", UnitKind.PROVINCE, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("code: unit.code-"));
    }

    @Test
    void refusesADuplicateCode() {
        claimedCodes.put("HS", "another-unit");
        fixture.givenNoPriorActivity()
                .when(new CreateUnit(ID, "hs", "Tỉnh Hòa Sơn", UnitKind.PROVINCE, null))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void renamesAndRecordsThePreviousName() {
        fixture.given(COMMUNE_CREATED)
                .when(new RenameUnit(ID, "Xã Tân Lập Mới", "Nghị quyết 1656/NQ-UBTVQH15"))
                .expectEvents(new UnitRenamed(ID, "Xã Tân Lập", "Xã Tân Lập Mới", "Nghị quyết 1656/NQ-UBTVQH15"));
    }

    @Test
    void renamingToTheSameNameRecordsNothing() {
        fixture.given(COMMUNE_CREATED)
                .when(new RenameUnit(ID, "Xã Tân Lập", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMergedUnitCanNoLongerBeRenamedOrDissolved() {
        fixture.given(COMMUNE_CREATED, new UnitMergedInto(ID, "unit-c", "Nghị quyết 1656/NQ-UBTVQH15"))
                .when(new RenameUnit(ID, "Xã Khác", null))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(COMMUNE_CREATED, new UnitMergedInto(ID, "unit-c", null))
                .when(new DissolveUnit(ID, null))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void dissolvesOnce() {
        fixture.given(COMMUNE_CREATED)
                .when(new DissolveUnit(ID, "Quyết định giải thể"))
                .expectEvents(new UnitDissolved(ID, "Quyết định giải thể"));
        fixture.given(COMMUNE_CREATED, new UnitDissolved(ID, null))
                .when(new DissolveUnit(ID, null))
                .expectException(BusinessRuleViolation.class);
    }
}
