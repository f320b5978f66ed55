package vn.egov.backbone.ops;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of ARCHITECTURE.md: dependencies run one way, and nothing depends on ops. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.egov.backbone");
    }

    @Test
    void coreDomainKnowsNoOtherModule() {
        noClasses().that().resideInAPackage("vn.egov.backbone.core..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.egov.backbone.eoffice..",
                        "vn.egov.backbone.meetings..", "vn.egov.backbone.search..", "vn.egov.backbone.ops..")
                .check(classes);
    }

    @Test
    void nothingDependsOnOps() {
        noClasses().that().resideOutsideOfPackage("vn.egov.backbone.ops..")
                .should().dependOnClassesThat().resideInAPackage("vn.egov.backbone.ops..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void eOfficeDoesNotReachIntoMeetingsOrSearch() {
        noClasses().that().resideInAPackage("vn.egov.backbone.eoffice..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.egov.backbone.meetings..", "vn.egov.backbone.search..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyOpsKnowsTheDistributionOfEvents() {
        noClasses().that().resideOutsideOfPackages("vn.egov.backbone.ops..", "vn.egov.backbone.distribution..")
                .should().dependOnClassesThat().resideInAPackage("vn.egov.backbone.distribution..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theOneStopDeskStandsOnTheCoreAlone() {
        noClasses().that().resideInAPackage("vn.egov.backbone.onestop..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.egov.backbone.eoffice..",
                        "vn.egov.backbone.meetings..", "vn.egov.backbone.search..", "vn.egov.backbone.distribution..")
                .check(classes);
    }
}
