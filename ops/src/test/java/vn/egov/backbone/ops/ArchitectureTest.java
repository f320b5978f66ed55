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
import com.tngtech.archunit.core.importer.Location;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
                    "core.web.ProblemResponses",          // Problem Details written by another module's filter
                    "core.web.PendingWork",               // each module counts its work for the menu's badge
                    "core.identity.ApiTokenStore",        // the home page lists one's API tokens
                    "core.eventchain.EventChainCommandLine", // the jar's verify-event-chain mode
                    "core.eventing.StoredEventModule",    // a module's own stored form of its events
                    "core.privacy.SubjectKeys", "core.privacy.SealedFields", // data sealed in events, erased with its key
                    "core.official.OfficialQueries",    // officials' names, roles and clearance
                    "core.unit.UnitQueries", "core.unit.UnitGuard"), // the administrative tree
            "eoffice", List.of(
                    "eoffice.document.DocumentActions",   // a meeting's conclusion drafted, a document attached
                    "eoffice.document.DocumentAccess", "eoffice.document.ReaderScope", // search filters by it
                    "eoffice.attachment.AttachmentStore", // meeting files and indexed attachment text
                    "eoffice.attachment.AttachmentTextRecognised", // a scan's words read: search re-indexes them
                    "eoffice.attachment.AttachmentHolder", // a meeting still needs a file a destroyed document had
                    "eoffice.signature.PdfSignatures", "eoffice.signature.PadesVerifier"), // minutes signed and checked
            "meetings", List.of("meetings.conference.JitsiProperties"),
            "search", List.of("search.index.SearchConfiguration"), // a search-only node starts its processor
            "onestop", List.of(),
            "notifications", List.of(),
            "distribution", List.of());

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The modules' test-jars (core.testing, the test nodes) are on this class path too: not the product.
        // From each module's own jar or classes folder: scanning the whole class path for the package
        // (hundreds of library jars) took ten seconds of the suite.
        Set<Location> modules = Stream.of(vn.egov.backbone.core.settings.CoreProperties.class,
                        vn.egov.backbone.eoffice.document.DocumentActions.class,
                        vn.egov.backbone.meetings.meeting.MeetingActions.class,
                        vn.egov.backbone.onestop.procedure.ProcedureCatalogue.class,
                        vn.egov.backbone.search.index.SearchConfiguration.class,
                        vn.egov.backbone.notifications.outbox.Outbox.class,
                        vn.egov.backbone.distribution.kafka.EventEnvelope.class,
                        vn.egov.backbone.ops.BackboneApplication.class)
                .map(type -> Location.of(type.getProtectionDomain().getCodeSource().getLocation()))
                .collect(Collectors.toSet());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importLocations(modules);
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

    /** Notifications are a projection: they read the others' events; nothing of theirs is used elsewhere. */
    @Test
    void nothingDependsOnNotifications() {
        noClasses().that().resideOutsideOfPackage("vn.egov.backbone.notifications..")
                .should().dependOnClassesThat().resideInAPackage("vn.egov.backbone.notifications..")
                .check(classes);
    }

    @Test
    void theOneStopDeskStandsOnTheCoreAlone() {
        noClasses().that().resideInAPackage("vn.egov.backbone.onestop..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.egov.backbone.eoffice..",
                        "vn.egov.backbone.meetings..", "vn.egov.backbone.search..", "vn.egov.backbone.distribution..")
                .check(classes);
    }

    /**
     * One shape per feature: web (API and page controllers) hands the request to the feature's application
     * service ({@code …Actions}), which authorises and sends the commands, or reads through its query service
     * ({@code …Queries}). A controller that sends a command, runs SQL or decides a role has left that shape.
     */
    @Test
    void controllersNeitherSendCommandsNorRunSqlNorCheckRoles() {
        noClasses().that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + "core.shared.Commands")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .orShould().callMethodWhere(DescribedPredicate.describe("a role check of Authorizer", call ->
                        call.getTargetOwner().getName().equals(ROOT + "core.identity.Authorizer")
                                && !call.getName().equals("currentPrincipal")))
                .check(classes);
    }

    /** An application service reads through its feature's query service: the SQL is all in {@code …Queries}. */
    @Test
    void applicationServicesRunNoSql() {
        noClasses().that().haveSimpleNameEndingWith("Actions")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "eoffice", "meetings", "search", "onestop", "notifications", "distribution"})
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

    /**
     * The module diagram in {@code docs/modules.md} is made from the code: which module uses which, and
     * what of it. The test fails when the file is out of date; {@code -Dbackbone.write-module-diagram=true}
     * writes it anew.
     */
    @Test
    void theModuleDiagramInDocsIsTheCodes() throws java.io.IOException {
        java.util.Map<String, java.util.SortedSet<String>> uses = new java.util.TreeMap<>();
        for (JavaClass type : classes) {
            String from = moduleOf(type.getName());
            if (from == null) {
                continue;
            }
            type.getDirectDependenciesFromSelf().forEach(dependency -> {
                String target = dependency.getTargetClass().getBaseComponentType().getName();
                String to = moduleOf(target);
                if (to != null && !to.equals(from)) {
                    String published = target.substring(ROOT.length() + to.length() + 1).replaceAll("\\$.*", "");
                    uses.computeIfAbsent(from + " --> " + to, key -> new java.util.TreeSet<>())
                            .add(published.contains(".api.") ? published.substring(0, published.indexOf(".api.")) + ".api"
                                    : published);
                }
            });
        }
        StringBuilder diagram = new StringBuilder("""
                # Modules

                Made from the code by `ArchitectureTest.theModuleDiagramInDocsIsTheCodes` (it fails when this file
                is out of date; `mvn -pl ops test -Dtest=ArchitectureTest -Dbackbone.write-module-diagram=true`
                writes it anew). An arrow: the module uses the other; below, what of it.

                ```mermaid
                flowchart TD
                """);
        uses.keySet().forEach(edge -> diagram.append("    ").append(edge).append('\n'));
        diagram.append("```\n\n| uses | what of it |\n|---|---|\n");
        uses.forEach((edge, what) -> diagram.append("| ").append(edge.replace(" --> ", " → ")).append(" | ")
                .append(String.join(", ", what)).append(" |\n"));
        java.nio.file.Path file = java.nio.file.Path.of("..", "docs", "modules.md");
        if (Boolean.getBoolean("backbone.write-module-diagram")) {
            java.nio.file.Files.writeString(file, diagram);
        }
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(file))
                .as("docs/modules.md is made from the code; regenerate it").isEqualTo(diagram.toString());
    }

    private static String moduleOf(String className) {
        if (!className.startsWith(ROOT)) {
            return null;
        }
        String rest = className.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? null : rest.substring(0, dot);
    }

    /**
     * A module reads another's data through its surface, never by naming its tables: each table belongs
     * to the module whose Flyway migrations create it, and no other module's sources may mention it.
     */
    @Test
    void noModuleNamesAnotherModulesTables() throws java.io.IOException {
        List<String> modules = List.of("core-domain", "e-office", "meetings", "onestop", "search", "notifications",
                "distribution", "ops");
        java.nio.file.Path repository = java.nio.file.Path.of("..");
        Map<String, String> owners = new java.util.TreeMap<>();
        java.util.regex.Pattern create = java.util.regex.Pattern.compile("(?i)CREATE TABLE(?: IF NOT EXISTS)? ([a-z_]+)");
        for (String module : modules) {
            for (java.nio.file.Path sql : files(repository.resolve(module).resolve("src/main/resources"), ".sql")) {
                java.util.regex.Matcher table = create.matcher(java.nio.file.Files.readString(sql));
                while (table.find()) {
                    owners.put(table.group(1).toLowerCase(java.util.Locale.ROOT), module);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(owners).containsKeys("official_view", "document_view", "meeting_view");
        List<String> crossings = new java.util.ArrayList<>();
        for (String module : modules) {
            for (java.nio.file.Path source : files(repository.resolve(module).resolve("src/main/java"), ".java")) {
                String text = java.nio.file.Files.readString(source);
                owners.forEach((table, owner) -> {
                    if (!owner.equals(module) && java.util.regex.Pattern.compile("\\b" + table + "\\b").matcher(text).find()) {
                        crossings.add(module + ": " + source.getFileName() + " names " + owner + "'s table " + table);
                    }
                });
            }
        }
        org.assertj.core.api.Assertions.assertThat(crossings).isEmpty();
    }

    private static List<java.nio.file.Path> files(java.nio.file.Path root, String suffix) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(root)) {
            return List.of();
        }
        try (var walk = java.nio.file.Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(suffix)).toList();
        }
    }
}
