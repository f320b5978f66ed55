package vn.egov.backbone.ops;

import java.util.Map;
import java.util.List;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of ARCHITECTURE.md: dependencies run one way, nothing depends on ops, and each
 * module's public surface, declared here, is all that other modules use of it — packages, not only poms
 * (which only say which module may depend on which). The surface is a module's {@code api} packages
 * (commands, events, views) and its settings, plus the services other modules are meant to call, each
 * named with the reason it is published. A class of another module that is not on the list (a
 * projection, a controller, an aggregate, a query service) fails the test.
 */
class ArchitectureTest {
    private static final String ROOT = "vn.egov.backbone.";

    /** Published classes of each module besides its {@code ..api..} and {@code ..settings..} packages. */
    private static final Map<String, List<String>> SURFACE = Map.of(
            "core", List.of(
                    "core.shared.",                       // errors, commands, dates, texts, page helpers
                    "core.eventing.ActingMetadata", "core.eventing.ActingContext", "core.eventing.ActingContextResolver",
                    "core.eventing.ReadYourWrites",       // who acts, for which unit; waiting for a read model
                    "core.identity.Authorizer", "core.identity.OfficialPrincipal", // every write's authorisation
                    "core.identity.OfficialUserDetailsService", "core.identity.ApiTokenStore",
                    "core.identity.CredentialStore", "core.identity.LoginThrottle", // sign-in, wired by ops
                    "core.official.OfficialDirectory",    // officials' names, roles and clearance
                    "core.unit.UnitDirectory", "core.unit.UnitGuard"), // the administrative tree
            "eoffice", List.of(
                    "eoffice.document.DocumentActions",   // a meeting's conclusion drafted, a document attached
                    "eoffice.document.DocumentAccess", "eoffice.document.ReaderScope", // search filters by it
                    "eoffice.attachment.AttachmentStore"), // meeting files and indexed attachment text
            "meetings", List.of("meetings.conference.JitsiProperties"),
            "search", List.of("search.index.SearchConfiguration"), // a search-only node starts its processor
            "onestop", List.of(),
            "distribution", List.of());

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

    @ParameterizedTest
    @ValueSource(strings = {"core", "eoffice", "meetings", "search", "onestop", "distribution"})
    void otherModulesUseOnlyTheModulesSurface(String module) {
        noClasses().that().resideOutsideOfPackage(ROOT + module + "..")
                .should().dependOnClassesThat(outsideTheSurfaceOf(module))
                .because("a module uses another only through its api packages and the services it publishes")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> outsideTheSurfaceOf(String module) {
        return DescribedPredicate.describe("classes of " + module + " outside its surface", type -> {
            String name = type.getName();
            if (!name.startsWith(ROOT + module + ".")) {
                return false;
            }
            if (type.getPackageName().contains(".api") || type.getPackageName().endsWith(".settings")) {
                return false;
            }
            String relative = name.substring(ROOT.length());
            return SURFACE.get(module).stream().noneMatch(published -> published.endsWith(".")
                    ? relative.startsWith(published)
                    : relative.equals(published) || relative.startsWith(published + "$"));
        });
    }
}
