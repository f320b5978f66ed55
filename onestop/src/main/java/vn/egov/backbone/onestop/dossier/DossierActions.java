package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.DossierQueries.PersonalDataRead;
import vn.egov.backbone.onestop.dossier.DossierQueries.ReadPurpose;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.onestop.dossier.api.DossierView;
import vn.egov.backbone.onestop.dossier.api.DossierView.Apology;
import vn.egov.backbone.onestop.dossier.api.DossierView.StatusChange;
import vn.egov.backbone.onestop.dossier.api.DossierView.Step;
import vn.egov.backbone.onestop.dossier.api.DossierView.Summary;
import vn.egov.backbone.onestop.dossier.api.PublicDossier;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.HistoryEntry;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.Status;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.StepView;
import vn.egov.backbone.onestop.dossier.api.PublicDossier.Submitted;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue;
import vn.egov.backbone.onestop.settings.OneStopProperties;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue.ProcedureVersion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dossier's application service, for the API and the pages alike. Who works on which dossier: the
 * competent agency, the agencies of its steps, and the desk that received it (which hands over
 * supplements, payments and results). The applicant's personal data is in the dossier read model, so
 * every read of it for an official goes through here; to everyone else a dossier they do not work on
 * does not exist (404). Each write checks that, sends the command and waits for the read model.
 */
@Service
class DossierActions {
    private final Commands commands;
    private final DossierQueries queries;
    private final ProcedureCatalogue catalogue;
    private final DossierRouting routing;
    private final Authorizer authorizer;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final ReadYourWrites readYourWrites;
    private final SuppliedFiles suppliedFiles;
    private final OneStopProperties properties;
    private final Clock clock;

    DossierActions(Commands commands, DossierQueries queries, ProcedureCatalogue catalogue, DossierRouting routing,
                   Authorizer authorizer, OfficialQueries officials, UnitQueries units,
                   ReadYourWrites readYourWrites, SuppliedFiles suppliedFiles, OneStopProperties properties,
                   Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.suppliedFiles = suppliedFiles;
        this.commands = commands;
        this.queries = queries;
        this.catalogue = catalogue;
        this.routing = routing;
        this.authorizer = authorizer;
        this.officials = officials;
        this.units = units;
        this.readYourWrites = readYourWrites;
    }

    record Registered(String id, String trackingCode, String competentAgencyId, LocalDate appointmentOn) {
    }

    /** A dossier and its steps, as the agencies working on it see them. */
    record Details(DossierView dossier, List<Step> steps) {
    }

    /** What the receipt handed to the applicant shows, unit names resolved. */
    record Receipt(DossierView dossier, String agency, String desk) {
    }

    record ApologyLetter(DossierView dossier, Apology apology, String agency) {
    }

    /** The procedures of the catalogue, as a form offers them. */
    List<ProcedureVersion> procedures() {
        return catalogue.current();
    }

    /** The communes, wards and special zones of the province by name: where a commune-level procedure is decided. */
    List<UnitView> communes() {
        return units.list(false).stream()
                .filter(unit -> java.util.EnumSet.of(UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE).contains(unit.kind()))
                .sorted(java.util.Comparator.comparing(UnitView::name)).toList();
    }

    /** Whether the signed-in official may register dossiers at their unit's desk (records clerk or specialist there). */
    boolean mayRegister() {
        var me = Authorizer.currentPrincipal();
        return authorizer.holds(me.officialId(), Role.RECORDS_CLERK, me.unitId())
                || authorizer.holds(me.officialId(), Role.SPECIALIST, me.unitId());
    }

    void requireDeskRole() {
        if (!mayRegister()) {
            throw new Forbidden(DossierError.DESK_ROLE_REQUIRED);
        }
    }

    /** The desk receives a dossier: submitted and received at once, with its appointment. */
    Registered register(String procedureCode, String communeId, Channel channel, Applicant applicant, int components,
                        int digitisedComponents, int reusedComponents, Consent consent) {
        var me = Authorizer.currentPrincipal();
        requireDeskRole();
        ProcedureVersion procedure = procedure(procedureCode);
        UnitView competent = routing.competentAuthority(procedure, me.unitId(), communeId);
        String id = UUID.randomUUID().toString();
        String trackingCode = routing.newTrackingCode();
        commands.send(new SubmitDossier(id, trackingCode, DossierRouting.terms(procedure, competent), channel,
                applicant, components, me.unitId(), Identity.UNVERIFIED, consent));
        commands.send(new ReceiveDossier(id, digitisedComponents, reusedComponents));
        awaitReadModel(id);
        LocalDate appointment = queries.find(id).map(DossierView::appointmentOn).orElse(null);
        return new Registered(id, trackingCode, competent.id(), appointment);
    }

    /**
     * Online submission (kênh trực tuyến) of a procedure offered online: the dossier is new until the
     * competent agency's desk checks it and receives it (the clock starts then), asks for a supplement,
     * or refuses it.
     */
    Submitted submitOnline(String procedureCode, String communeId, Applicant applicant, int components, Identity identity,
                           Consent consent) {
        ProcedureVersion procedure = procedure(procedureCode);
        if (!procedure.fullyOnline()) {
            throw new InvalidInput("procedureCode", DossierError.NOT_ONLINE);
        }
        if (!identity.verified() && properties.citizens().requiresVerifiedIdentity(procedure.code())) {
            throw new InvalidInput("procedureCode", DossierError.SIGN_IN_WITH_VNEID);
        }
        UnitView competent = routing.competentAuthority(procedure, null, communeId);
        String trackingCode = routing.newTrackingCode();
        String id = UUID.randomUUID().toString();
        commands.send(new SubmitDossier(id, trackingCode, DossierRouting.terms(procedure, competent), Channel.ONLINE,
                applicant, components, null, identity, consent));
        awaitReadModel(id); // the citizen's "my dossiers", opened next, lists it
        return new Submitted(trackingCode, procedure.name(), competent.name(), Status.of(DossierStatus.NEW),
                "/public/dossiers/" + trackingCode);
    }

    /**
     * The dossiers of a citizen signed in through the national identity provider: those filed under the
     * identity number the provider vouched for, newest first. Nobody else's: the number comes from the
     * checked ID token, never from the request.
     */
    List<PublicDossier> ofCitizen(String verifiedIdNumber) {
        return queries.byApplicantIdNumber(verifiedIdNumber).reversed().stream()
                .map(dossier -> lookUp(dossier.trackingCode())).toList();
    }

    /**
     * One of the signed-in citizen's dossiers, with what an open supplement request asks for and the files
     * they supplied. Another's dossier does not exist for them (404, as an unknown code).
     */
    record CitizenDossier(String trackingCode, PublicDossier dossier, String supplementReason,
                          List<DossierQueries.SuppliedFileView> suppliedFiles, boolean rated) {
    }

    CitizenDossier ofCitizen(String verifiedIdNumber, String trackingCode) {
        DossierView dossier = citizensOwn(verifiedIdNumber, trackingCode);
        return new CitizenDossier(dossier.trackingCode(), lookUp(dossier.trackingCode()),
                queries.supplementReason(dossier.id()).orElse(null), queries.suppliedFiles(dossier.id()),
                dossier.satisfaction() != null);
    }

    /** An upload as the web layer hands it over: read once, by the store. */
    interface Upload {
        java.io.InputStream open() throws java.io.IOException;
    }

    /**
     * The citizen answers the open supplement request with files (PDF, JPEG, PNG; each named by Backbone)
     * and a note. The files are stored first, then the dossier records them; the desk receives the supplement.
     */
    void provideSupplement(String verifiedIdNumber, String trackingCode, String note, List<Upload> uploads) {
        DossierView dossier = citizensOwn(verifiedIdNumber, trackingCode);
        if (dossier.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new BusinessRuleViolation(DossierError.NO_SUPPLEMENT_REQUESTED);
        }
        if (uploads.isEmpty() || uploads.size() > ProcedureDossier.MAX_SUPPLIED_FILES) {
            throw new InvalidInput("files", DossierError.SUPPLIED_FILES_RANGE, ProcedureDossier.MAX_SUPPLIED_FILES);
        }
        int already = queries.suppliedFiles(dossier.id()).size();
        List<SuppliedFile> files = new ArrayList<>();
        for (Upload upload : uploads) {
            SuppliedFiles.Stored stored;
            try {
                stored = suppliedFiles.store(dossier.id(), upload.open());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            files.add(new SuppliedFile(stored.sha256(), "bo-sung-" + (already + files.size() + 1) + "." + stored.extension(),
                    stored.contentType(), stored.size()));
        }
        commands.send(new ProvideSupplement(dossier.id(), note, files));
        awaitReadModel(dossier.id());
    }

    void rateAsCitizen(String verifiedIdNumber, String trackingCode, int score) {
        DossierView dossier = citizensOwn(verifiedIdNumber, trackingCode);
        commands.send(new RateSatisfaction(dossier.id(), score));
        awaitReadModel(dossier.id());
    }

    /** A supplied file on disk, with the name and type it was recorded under. */
    record SuppliedFileDownload(java.nio.file.Path file, DossierQueries.SuppliedFileView view) {
    }

    /** A file the applicant supplied, for the officials who work on the dossier. */
    SuppliedFileDownload suppliedFile(String dossierId, String sha256) {
        workedOn(dossierId, true);
        java.nio.file.Path file = suppliedFiles.find(dossierId, sha256)
                .orElseThrow(() -> new NotFound(DossierError.SUPPLIED_FILE_UNKNOWN));
        DossierQueries.SuppliedFileView view = queries.suppliedFiles(dossierId).stream()
                .filter(f -> f.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new NotFound(DossierError.SUPPLIED_FILE_UNKNOWN));
        return new SuppliedFileDownload(file, view);
    }

    /** A dossier whose applicant answered the supplement request online, with what they sent. */
    record SupplementAnswered(Summary dossier, List<DossierQueries.SuppliedFileView> files) {
    }

    /** For the desk: the dossiers of the official's units awaiting supplement whose applicant already sent files. */
    List<SupplementAnswered> supplementsAnswered() {
        return list(DossierStatus.SUPPLEMENT_REQUESTED).stream()
                .map(dossier -> new SupplementAnswered(dossier, queries.suppliedFiles(dossier.id())))
                .filter(answered -> !answered.files().isEmpty()).toList();
    }

    List<DossierQueries.SuppliedFileView> suppliedFiles(String dossierId) {
        workedOn(dossierId, true);
        return queries.suppliedFiles(dossierId);
    }

    private DossierView citizensOwn(String verifiedIdNumber, String trackingCode) {
        DossierView dossier = byTrackingCode(trackingCode);
        if (verifiedIdNumber == null || !verifiedIdNumber.equals(dossier.applicantIdNumber())) {
            throw new NotFound(DossierError.TRACKING_CODE_UNKNOWN);
        }
        return dossier;
    }

    /** The lookup by tracking code, for anyone holding it: nothing personal. */
    PublicDossier lookUp(String trackingCode) {
        DossierView dossier = byTrackingCode(trackingCode);
        List<Step> stepRows = queries.steps(dossier.id());
        // the agencies' names from the unit directory, not by joining core's table
        Map<String, UnitView> agencies = units.findAll(stepRows.stream().map(Step::agencyId).toList());
        List<StepView> steps = stepRows.stream().map(step -> new StepView(step.task(),
                Optional.ofNullable(agencies.get(step.agencyId())).map(UnitView::name).orElse(null),
                step.startedOn(), step.dueOn(), step.completedOn(), step.timeliness())).toList();
        List<HistoryEntry> history = queries.history(dossier.id()).stream()
                .map(change -> new HistoryEntry(change.at(), Status.of(change.status()))).toList();
        StepView current = steps.stream().filter(step -> step.completedOn() == null).reduce((a, b) -> b).orElse(null);
        return new PublicDossier(dossier.trackingCode(), dossier.procedureName(), Status.of(dossier.status()),
                dossier.receivedOn(), dossier.appointmentOn(), dossier.late(), current, steps, history);
    }

    /** After the result is returned the applicant rates the service once (1 to 5). */
    void rate(String trackingCode, int score) {
        commands.send(new RateSatisfaction(byTrackingCode(trackingCode).id(), score));
    }

    /**
     * The dossiers decided in, filed at, or with a step in the units the official works in (and below),
     * newest first, optionally in one status: {@code NEW} is what awaits reception.
     */
    List<Summary> list(DossierStatus status) {
        return queries.list(scopeOf(Authorizer.currentPrincipal().officialId()), status);
    }

    /** One page of the desk's list, and whether another follows. */
    record Page(List<Summary> dossiers, int number, boolean hasNext) {
    }

    /** The desk's list as the filter narrows it, by pages of {@code size}, newest first; a page number below 1 is the first. */
    Page page(DeskFilter filter, int number, int size) {
        int page = Math.max(1, number);
        List<Summary> rows = queries.list(scopeOf(Authorizer.currentPrincipal().officialId()), filter,
                java.time.LocalDate.now(clock.withZone(vn.egov.backbone.core.shared.DisplayDates.VIETNAM)),
                (page - 1) * size, size + 1);
        return new Page(rows.subList(0, Math.min(size, rows.size())), page, rows.size() > size);
    }

    /**
     * What waits for the official at the desk and in their units: dossiers to receive (new, or a supplement the
     * applicant sent), received ones nobody has sent for processing, steps to complete, results to hand back.
     */
    long waitingFor(String officialId) {
        return queries.countWaiting(scopeOf(officialId));
    }

    /** The units whose dossiers the official works on: those they hold a role in and below, and their centre's. */
    private Set<String> scopeOf(String officialId) {
        Set<String> roleUnits = officials.roles(officialId).stream().map(role -> role.unitId()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> scope = units.list(false).stream().map(UnitView::id)
                .filter(unit -> units.selfAndAncestors(unit).stream().anyMatch(roleUnits::contains))
                .collect(Collectors.toCollection(java.util.HashSet::new));
        scope.addAll(servedByCentre(officialId));
        return scope;
    }

    /**
     * The units whose dossiers the public-service centres the official works in receive: a centre is the one-stop
     * desk of its commune (or province), so of every unit of that administrative level — down to, not into, the
     * communes below a province. Empty for an official of no centre.
     */
    private Set<String> servedByCentre(String me) {
        Set<String> served = new java.util.HashSet<>();
        officials.roles(me).stream().filter(role -> role.unitId() != null && role.validAt(clock.instant()))
                .map(role -> units.find(role.unitId()).orElse(null))
                .filter(unit -> unit != null && properties.citizens().isServiceCentre(unit.code()))
                .forEach(centre -> units.selfAndAncestors(centre.id()).stream()
                        .map(id -> units.find(id).orElse(null))
                        .filter(unit -> unit != null && unit.kind().administrative()).findFirst()
                        .ifPresent(level -> collectLevel(level.id(), served)));
        return served;
    }

    private void collectLevel(String unitId, Set<String> served) {
        if (served.add(unitId)) {
            units.children(unitId).stream().filter(child -> !child.kind().administrative())
                    .forEach(child -> collectLevel(child.id(), served));
        }
    }

    Details details(String id) {
        return new Details(readPersonalData(id, ReadPurpose.DETAILS), queries.steps(id));
    }

    /** What an official may do to a dossier now, as its page offers it (the aggregate still decides). */
    enum Offer {
        RECEIVE, REFUSE, REQUEST_SUPPLEMENT, RECEIVE_SUPPLEMENT, START_STEP, REQUEST_PAYMENT, RECORD_PAYMENT, RESOLVE,
        RETURN_RESULT, APOLOGISE, STOP, WITHDRAW
    }

    /** A processing step with its agency's name, and whether the viewer may complete it now. */
    record StepLine(Step step, String agency, boolean completable) {
    }

    /**
     * A line of the handling record with the names resolved: the official who acted (null when the applicant or
     * the system did — {@code byApplicant} tells which) and the unit it names.
     */
    record JournalEntry(DossierQueries.JournalLine line, String actor, String actorPosition, boolean byApplicant,
                        String unit) {
    }

    /**
     * A dossier's page for the officials who work on it (the handling record): the dossier, the competent
     * agency and the desk, its steps, every event with who and when, what the applicant supplied, the last
     * apology, what the viewer may do now and, to add a step, the agencies a step may go to (the competent
     * agency's level and the province's own agencies).
     */
    record HandlingRecord(DossierView dossier, String agency, String desk, List<StepLine> steps,
                          List<JournalEntry> journal, List<DossierQueries.SuppliedFileView> files,
                          Optional<Apology> apology, Set<Offer> offers, List<UnitView> stepAgencies) {
    }

    HandlingRecord handlingRecord(String id) {
        Capacity capacity = capacityOn(id); // any capacity may read it, as readPersonalData allows
        DossierView dossier = capacity.dossier();
        String me = Authorizer.currentPrincipal().officialId();
        queries.recordRead(id, me, ReadPurpose.DETAILS, clock.instant());
        List<Step> steps = queries.steps(id);
        boolean agency = capacity.agency(); // the one that decides
        boolean deskOrAgency = agency || capacity.desk(); // a step's agency only completes its step
        DossierStatus status = dossier.status();
        boolean processing = status == DossierStatus.RECEIVED || status == DossierStatus.IN_PROCESS;
        boolean open = !status.closed() && status != DossierStatus.RESOLVED;
        boolean stepsOpen = steps.stream().anyMatch(step -> step.completedOn() == null);
        Set<Offer> offers = java.util.EnumSet.noneOf(Offer.class);
        // the desk's (and the agency's): reception, supplements, payments, the result, a withdrawal
        if (deskOrAgency && status == DossierStatus.NEW) {
            offers.addAll(List.of(Offer.RECEIVE, Offer.REFUSE));
        }
        if (deskOrAgency && (status == DossierStatus.NEW || processing)) {
            offers.add(Offer.REQUEST_SUPPLEMENT);
        }
        if (deskOrAgency && status == DossierStatus.SUPPLEMENT_REQUESTED) {
            offers.add(Offer.RECEIVE_SUPPLEMENT);
        }
        if (deskOrAgency && status == DossierStatus.PAYMENT_REQUESTED) {
            offers.add(Offer.RECORD_PAYMENT);
        }
        if (deskOrAgency && status == DossierStatus.RESOLVED) {
            offers.add(Offer.RETURN_RESULT);
        }
        if (deskOrAgency && open) {
            offers.add(Offer.WITHDRAW);
        }
        // the competent agency's only: the processing itself
        if (agency && processing) {
            offers.addAll(List.of(Offer.START_STEP, Offer.REQUEST_PAYMENT));
            if (!stepsOpen) {
                offers.add(Offer.RESOLVE);
            }
        }
        if (agency && (processing || status == DossierStatus.SUPPLEMENT_REQUESTED
                || status == DossierStatus.PAYMENT_REQUESTED) && dossier.receivedOn() != null) {
            offers.add(Offer.APOLOGISE);
        }
        if (agency && open) {
            offers.add(Offer.STOP);
        }
        List<DossierQueries.JournalLine> lines = queries.journal(id);
        Map<String, UnitView> unitsById = units.findAll(java.util.stream.Stream.concat(
                steps.stream().map(Step::agencyId), lines.stream().map(DossierQueries.JournalLine::unitId))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<StepLine> stepLines = steps.stream().map(step -> new StepLine(step,
                nameOf(unitsById.get(step.agencyId())), step.completedOn() == null && status == DossierStatus.IN_PROCESS
                        && (authorizer.mayActFor(me, step.agencyId()) || authorizer.mayActFor(me, dossier.competentAgencyId()))))
                .toList();
        Map<String, OfficialQueries.Name> names = officials.names(lines.stream().map(DossierQueries.JournalLine::actorId)
                .toList());
        List<JournalEntry> journal = lines.stream().map(line -> {
            OfficialQueries.Name name = names.get(line.actorId());
            // what no official did, the applicant did online (the submission, a supplement, the rating)
            boolean byApplicant = name == null && switch (line.action()) {
                case SUPPLEMENT_PROVIDED, SATISFACTION_RATED -> true;
                case SUBMITTED -> !Channel.DESK.name().equals(line.outcome());
                default -> false;
            };
            return new JournalEntry(line, name == null ? null : name.fullName(), name == null ? null : name.position(),
                    byApplicant, nameOf(unitsById.get(line.unitId())));
        }).toList();
        return new HandlingRecord(dossier, unitName(dossier.competentAgencyId()), unitName(dossier.filedAtUnitId()),
                stepLines, journal, queries.suppliedFiles(id), queries.latestApology(id), offers,
                offers.contains(Offer.START_STEP) ? stepAgencies(dossier.competentAgencyId()) : List.of());
    }

    /**
     * The units a processing step may go to: the agencies and offices of the competent agency's own level
     * (its commune, or the province) and the province's agencies (a department that gives its opinion).
     */
    private List<UnitView> stepAgencies(String competentAgencyId) {
        Set<String> candidates = new java.util.HashSet<>();
        List<String> chain = units.selfAndAncestors(competentAgencyId);
        chain.stream().map(unitId -> units.find(unitId).orElse(null))
                .filter(unit -> unit != null && unit.kind().administrative())
                .forEach(level -> collectLevel(level.id(), candidates));
        return units.findAll(candidates).values().stream()
                .filter(unit -> !unit.kind().administrative() && unit.status() == vn.egov.backbone.core.unit.api.UnitStatus.ACTIVE)
                .sorted(java.util.Comparator.comparing((UnitView unit) -> !unit.id().equals(competentAgencyId))
                        .thenComparing(UnitView::name))
                .toList();
    }

    private static String nameOf(UnitView unit) {
        return unit == null ? null : unit.name();
    }

    Receipt receipt(String id) {
        DossierView dossier = readPersonalData(id, ReadPurpose.RECEIPT);
        return new Receipt(dossier, unitName(dossier.competentAgencyId()), unitName(dossier.filedAtUnitId()));
    }

    ApologyLetter apologyLetter(String id) {
        DossierView dossier = workedOn(id, true);
        Apology apology = queries.latestApology(id).orElseThrow(() -> new NotFound(DossierError.NO_APOLOGY, id));
        queries.recordRead(id, Authorizer.currentPrincipal().officialId(), ReadPurpose.APOLOGY_LETTER, clock.instant());
        return new ApologyLetter(dossier, apology, unitName(dossier.competentAgencyId()));
    }

    /** What a dossier holds about its applicant, with who read it: one entry of a data subject's export. */
    record PersonalDataEntry(DossierView dossier, List<Step> steps, List<StatusChange> history,
                             List<PersonalDataRead> reads) {
    }

    /**
     * Everything the one-stop desk holds about the person with this identity number (the data subject's
     * right of access): the dossiers in units where the caller is an administrator, with their steps,
     * status history and every recorded read of the personal data — this export included.
     */
    List<PersonalDataEntry> personalDataExport(String idNumber) {
        if (idNumber == null || !idNumber.strip().matches("\\d{9}|\\d{12}")) {
            throw new InvalidInput("idNumber", DossierError.ID_NUMBER_FORMAT);
        }
        String me = requireAdministrator();
        Instant now = clock.instant();
        List<PersonalDataEntry> entries = new ArrayList<>();
        for (DossierView dossier : queries.byApplicantIdNumber(idNumber.strip())) {
            if (authorizer.holds(me, Role.ADMINISTRATOR, dossier.competentAgencyId())
                    || dossier.filedAtUnitId() != null && authorizer.holds(me, Role.ADMINISTRATOR, dossier.filedAtUnitId())) {
                queries.recordRead(dossier.id(), me, ReadPurpose.EXPORT, now);
                entries.add(new PersonalDataEntry(dossier, queries.steps(dossier.id()), queries.history(dossier.id()),
                        queries.reads(dossier.id())));
            }
        }
        return entries;
    }

    /** The signed-in official, if they are an administrator somewhere (where, each dossier decides). */
    String requireAdministrator() {
        String me = Authorizer.currentPrincipal().officialId();
        if (officials.roles(me).stream().noneMatch(role -> role.role() == Role.ADMINISTRATOR && role.validAt(clock.instant()))) {
            throw new Forbidden(DossierError.EXPORT_NEEDS_ADMINISTRATOR);
        }
        return me;
    }

    /** The dossier for an official who works on it, the read of its personal data recorded. */
    private DossierView readPersonalData(String id, ReadPurpose purpose) {
        DossierView dossier = workedOn(id, true);
        queries.recordRead(id, Authorizer.currentPrincipal().officialId(), purpose, clock.instant());
        return dossier;
    }

    /** The competent agency's desk checks an online (or posted) dossier and receives it: the clock starts. */
    void receive(String id, int digitisedComponents, int reusedComponents) {
        agencyOrDeskActs(id, new ReceiveDossier(id, digitisedComponents, reusedComponents));
    }

    void refuse(String id, String reason) {
        agencyOrDeskActs(id, new RefuseDossier(id, reason));
    }

    /** A processing step in the competent agency or another one (a department that gives its opinion). */
    String startStep(String id, String agencyId, String task, int days) {
        decidedHere(id);
        if (units.find(agencyId).isEmpty()) {
            throw new InvalidInput("agencyId", DossierError.AGENCY_UNKNOWN);
        }
        String stepId = UUID.randomUUID().toString();
        send(id, new StartStep(id, stepId, agencyId, task, days));
        return stepId;
    }

    /** The step's agency (or the competent agency) completes it. */
    void completeStep(String id, String stepId, String note) {
        DossierView dossier = workedOn(id, false);
        Step step = queries.step(id, stepId).orElseThrow(() -> new NotFound(DossierError.STEP_NOT_FOUND, stepId));
        String me = Authorizer.currentPrincipal().officialId();
        if (!authorizer.mayActFor(me, step.agencyId()) && !authorizer.mayActFor(me, dossier.competentAgencyId())) {
            throw new Forbidden(DossierError.STEP_AGENCY_ONLY);
        }
        send(id, new CompleteStep(id, stepId, note));
    }

    void requestSupplement(String id, String reason) {
        agencyOrDeskActs(id, new RequestSupplement(id, reason));
    }

    void receiveSupplement(String id) {
        agencyOrDeskActs(id, new ReceiveSupplement(id));
    }

    void requestPayment(String id, long amountVnd, String purpose) {
        agencyActs(id, new RequestPayment(id, amountVnd, purpose));
    }

    void recordPayment(String id, PaymentMethod method) {
        agencyOrDeskActs(id, new RecordPayment(id, method));
    }

    void resolve(String id, boolean resultDigitised) {
        agencyActs(id, new ResolveDossier(id, resultDigitised));
    }

    void returnResult(String id) {
        agencyOrDeskActs(id, new ReturnResult(id));
    }

    void apologise(String id, String reason, int extraDays) {
        agencyActs(id, new IssueApology(id, reason, extraDays));
    }

    void stop(String id, String reason) {
        agencyActs(id, new StopProcessing(id, reason));
    }

    void withdraw(String id, String reason) {
        agencyOrDeskActs(id, new WithdrawDossier(id, reason));
    }

    /**
     * Erases the applicant's personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): an administrator of
     * the competent agency (or above it), under a stated legal basis. Whoever has nothing to do with the
     * dossier gets 404, an official who works on it without that role 403.
     */
    void erasePersonalData(String id, String legalBasis) {
        DossierView dossier = queries.find(id).orElseThrow(() -> new NotFound(DossierError.NOT_FOUND, id));
        String me = Authorizer.currentPrincipal().officialId();
        if (!authorizer.holds(me, Role.ADMINISTRATOR, dossier.competentAgencyId())) {
            workedOn(id, true);
            throw new Forbidden(DossierError.ERASURE_NEEDS_ADMINISTRATOR);
        }
        send(id, new ErasePersonalData(id, legalBasis));
    }

    /** The competent agency acts on the dossier. */
    private void agencyActs(String id, Object command) {
        decidedHere(id);
        send(id, command);
    }

    /**
     * The dossier, if the official's agency is the competent one: it alone sends the dossier for processing, asks
     * for fees, resolves, apologises and stops. The agency of a step sees the dossier and completes its own step,
     * nothing more (403); whoever has nothing to do with it gets 404.
     */
    private DossierView decidedHere(String id) {
        Capacity capacity = capacityOn(id);
        if (!capacity.agency()) {
            throw new Forbidden(DossierError.COMPETENT_AGENCY_ONLY);
        }
        return capacity.dossier();
    }

    /**
     * The agency, or the desk — the one the dossier was filed at, or the public-service centre of the agency's
     * commune or province — acts on it: reception (receive, refuse, ask for a supplement), supplements, payments,
     * the result, a withdrawal.
     */
    private void agencyOrDeskActs(String id, Object command) {
        Capacity capacity = capacityOn(id);
        if (!capacity.agency() && !capacity.desk()) { // the agency of a step only gives its opinion
            throw new Forbidden(DossierError.COMPETENT_AGENCY_ONLY);
        }
        send(id, command);
    }

    private void send(String id, Object command) {
        commands.send(command);
        awaitReadModel(id);
    }

    /**
     * The dossier, if the official works on it: in the competent agency or an agency of a step, or also at
     * the desk that received it ({@code deskToo}). Otherwise 404 to whoever has nothing to do with it, 403 to a
     * desk asking for the agency's work.
     */
    private DossierView workedOn(String id, boolean deskToo) {
        Capacity capacity = capacityOn(id);
        if (!capacity.agency() && !(deskToo && capacity.desk()) && !capacity.step()) {
            throw new Forbidden(DossierError.COMPETENT_AGENCY_ONLY);
        }
        return capacity.dossier();
    }

    /**
     * In which capacities the signed-in official works on the dossier: the competent agency, its desk (the one it
     * was filed at, or the public-service centre of the agency's commune or province), the agency of a step.
     * None of them: the dossier does not exist for them (404).
     */
    private record Capacity(DossierView dossier, boolean agency, boolean desk, boolean step) {
    }

    private Capacity capacityOn(String id) {
        DossierView dossier = queries.find(id).orElseThrow(() -> new NotFound(DossierError.NOT_FOUND, id));
        String me = Authorizer.currentPrincipal().officialId();
        boolean agency = authorizer.mayActFor(me, dossier.competentAgencyId());
        boolean desk = dossier.filedAtUnitId() != null && authorizer.mayActFor(me, dossier.filedAtUnitId());
        if (!agency && !desk) {
            Set<String> centre = servedByCentre(me); // a public-service centre is the desk of its commune or province
            desk = centre.contains(dossier.competentAgencyId()) || centre.contains(dossier.filedAtUnitId());
        }
        boolean step = queries.steps(id).stream().anyMatch(s -> authorizer.mayActFor(me, s.agencyId()));
        if (!agency && !step && !desk) {
            throw new NotFound(DossierError.NOT_FOUND, id);
        }
        return new Capacity(dossier, agency, desk, step);
    }

    /** Waits (briefly) until the dossier read models (the dossier, its handling record) show its last event. */
    private void awaitReadModel(String id) {
        readYourWrites.await(id, () -> queries.versionOfBoth(id), Duration.ofSeconds(3));
    }

    private DossierView byTrackingCode(String trackingCode) {
        return queries.findByTrackingCode(trackingCode).orElseThrow(() -> new NotFound(DossierError.TRACKING_CODE_UNKNOWN));
    }

    private ProcedureVersion procedure(String code) {
        return catalogue.current(code).orElseThrow(() -> new InvalidInput("procedureCode", DossierError.PROCEDURE_UNKNOWN));
    }

    private String unitName(String unitId) {
        return unitId == null ? null : units.find(unitId).map(UnitView::name).orElse(null);
    }
}
