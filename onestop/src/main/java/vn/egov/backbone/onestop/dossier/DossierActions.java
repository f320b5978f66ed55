package vn.egov.backbone.onestop.dossier;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.DossierQueries.ReadPurpose;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import vn.egov.backbone.onestop.dossier.api.DossierView;
import vn.egov.backbone.onestop.dossier.api.DossierView.Apology;
import vn.egov.backbone.onestop.dossier.api.DossierView.Step;
import vn.egov.backbone.onestop.dossier.api.DossierView.Summary;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue.ProcedureVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dossier's application service for officials, for the API and the pages alike: the desk's registration and
 * lists, a dossier's handling record, receipt and apology letter, and every write of its processing. Who may do
 * which is {@link DossierScope}'s: the competent agency decides, the desk (the one it was filed at, or the
 * centre) receives and hands over, a step's agency completes its step; to everyone else a dossier does not exist
 * (404). The applicant's personal data is in the dossier read model, so every read of it for an official goes
 * through here and is recorded. Each write sends the command and waits for the read model ({@link DossierWrites}).
 * Citizens' side: {@link CitizenDossierActions}; the data subject's export and erasure: {@link PersonalDataActions}.
 */
@Service
class DossierActions {
    private final DossierQueries queries;
    private final DossierScope scope;
    private final DossierWrites writes;
    private final DossierRouting routing;
    private final Authorizer authorizer;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final SuppliedFiles suppliedFiles;
    private final Clock clock;

    DossierActions(DossierQueries queries, DossierScope scope, DossierWrites writes, DossierRouting routing,
                   Authorizer authorizer, OfficialQueries officials, UnitQueries units, SuppliedFiles suppliedFiles,
                   Clock clock) {
        this.queries = queries;
        this.scope = scope;
        this.writes = writes;
        this.routing = routing;
        this.authorizer = authorizer;
        this.officials = officials;
        this.units = units;
        this.suppliedFiles = suppliedFiles;
        this.clock = clock;
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

    /** The procedures of the catalogue, and where a commune-level one is decided, as the desk's form offers them. */
    List<ProcedureVersion> procedures() {
        return routing.procedures();
    }

    List<UnitView> communes() {
        return routing.communes();
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
        ProcedureVersion procedure = routing.procedure(procedureCode);
        UnitView competent = routing.competentAuthority(procedure, me.unitId(), communeId);
        String id = UUID.randomUUID().toString();
        String trackingCode = routing.newTrackingCode();
        writes.send(new SubmitDossier(id, trackingCode, DossierRouting.terms(procedure, competent), channel,
                applicant, components, me.unitId(), Identity.UNVERIFIED, consent));
        writes.sendAndAwait(id, new ReceiveDossier(id, digitisedComponents, reusedComponents));
        LocalDate appointment = queries.find(id).map(DossierView::appointmentOn).orElse(null);
        return new Registered(id, trackingCode, competent.id(), appointment);
    }

    /** A supplied file on disk, with the name and type it was recorded under. */
    record SuppliedFileDownload(java.nio.file.Path file, DossierQueries.SuppliedFileView view) {
    }

    /** A file the applicant supplied, for the officials who work on the dossier. */
    SuppliedFileDownload suppliedFile(String dossierId, String sha256) {
        scope.workedOn(dossierId, true);
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
        scope.workedOn(dossierId, true);
        return queries.suppliedFiles(dossierId);
    }

    /**
     * The dossiers decided in, filed at, or with a step in the units the official works in (and below),
     * newest first, optionally in one status: {@code NEW} is what awaits reception.
     */
    List<Summary> list(DossierStatus status) {
        return queries.list(scope.unitsOf(Authorizer.currentPrincipal().officialId()), status);
    }

    /** One page of the desk's list, and whether another follows. */
    record Page(List<Summary> dossiers, int number, boolean hasNext) {
    }

    /** The desk's list as the filter narrows it, by pages of {@code size}, newest first; a page number below 1 is the first. */
    Page page(DeskFilter filter, int number, int size) {
        int page = Math.max(1, number);
        List<Summary> rows = queries.list(scope.unitsOf(Authorizer.currentPrincipal().officialId()), filter,
                java.time.LocalDate.now(clock.withZone(vn.egov.backbone.core.shared.DisplayDates.VIETNAM)),
                (page - 1) * size, size + 1);
        return new Page(rows.subList(0, Math.min(size, rows.size())), page, rows.size() > size);
    }

    /**
     * What waits for the official at the desk and in their units: dossiers to receive (new, or a supplement the
     * applicant sent), received ones nobody has sent for processing, steps to complete, results to hand back.
     */
    long waitingFor(String officialId) {
        return queries.countWaiting(scope.unitsOf(officialId));
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
        DossierScope.Capacity capacity = scope.capacityOn(id); // any capacity may read it, as readPersonalData allows
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
                offers.contains(Offer.START_STEP) ? scope.stepAgencies(dossier.competentAgencyId()) : List.of());
    }

    Receipt receipt(String id) {
        DossierView dossier = readPersonalData(id, ReadPurpose.RECEIPT);
        return new Receipt(dossier, unitName(dossier.competentAgencyId()), unitName(dossier.filedAtUnitId()));
    }

    ApologyLetter apologyLetter(String id) {
        DossierView dossier = scope.workedOn(id, true);
        Apology apology = queries.latestApology(id).orElseThrow(() -> new NotFound(DossierError.NO_APOLOGY, id));
        queries.recordRead(id, Authorizer.currentPrincipal().officialId(), ReadPurpose.APOLOGY_LETTER, clock.instant());
        return new ApologyLetter(dossier, apology, unitName(dossier.competentAgencyId()));
    }

    /** The dossier for an official who works on it, the read of its personal data recorded. */
    private DossierView readPersonalData(String id, ReadPurpose purpose) {
        DossierView dossier = scope.workedOn(id, true);
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
        scope.decidedHere(id);
        if (units.find(agencyId).isEmpty()) {
            throw new InvalidInput("agencyId", DossierError.AGENCY_UNKNOWN);
        }
        String stepId = UUID.randomUUID().toString();
        writes.sendAndAwait(id, new StartStep(id, stepId, agencyId, task, days));
        return stepId;
    }

    /** The step's agency (or the competent agency) completes it. */
    void completeStep(String id, String stepId, String note) {
        DossierView dossier = scope.workedOn(id, false);
        Step step = queries.step(id, stepId).orElseThrow(() -> new NotFound(DossierError.STEP_NOT_FOUND, stepId));
        String me = Authorizer.currentPrincipal().officialId();
        if (!authorizer.mayActFor(me, step.agencyId()) && !authorizer.mayActFor(me, dossier.competentAgencyId())) {
            throw new Forbidden(DossierError.STEP_AGENCY_ONLY);
        }
        writes.sendAndAwait(id, new CompleteStep(id, stepId, note));
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

    /** The competent agency acts on the dossier. */
    private void agencyActs(String id, Object command) {
        scope.decidedHere(id);
        writes.sendAndAwait(id, command);
    }

    /**
     * The agency, or the desk — the one the dossier was filed at, or the public-service centre of the agency's
     * commune or province — acts on it: reception (receive, refuse, ask for a supplement), supplements, payments,
     * the result, a withdrawal.
     */
    private void agencyOrDeskActs(String id, Object command) {
        DossierScope.Capacity capacity = scope.capacityOn(id);
        if (!capacity.agency() && !capacity.desk()) { // the agency of a step only gives its opinion
            throw new Forbidden(DossierError.COMPETENT_AGENCY_ONLY);
        }
        writes.sendAndAwait(id, command);
    }

    private static String nameOf(UnitView unit) {
        return unit == null ? null : unit.name();
    }

    private String unitName(String unitId) {
        return unitId == null ? null : units.find(unitId).map(UnitView::name).orElse(null);
    }
}
