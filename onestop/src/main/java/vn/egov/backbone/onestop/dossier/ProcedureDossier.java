package vn.egov.backbone.onestop.dossier;

import vn.egov.backbone.core.shared.Label;
import vn.egov.backbone.core.shared.InvalidInput;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.privacy.SubjectKeys;
import vn.egov.backbone.onestop.calendar.WorkingCalendar;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.*;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An administrative-procedure dossier (hồ sơ thủ tục hành chính) from submission to the returned
 * result. The clock starts at valid receipt and counts working days; a supplement request pauses it;
 * each processing step (one per agency when the dossier passes between agencies) has its own deadline
 * and result on the control slip; a late dossier gets an apology with a new appointment, and stays late
 * on record. Impossible transitions are refused and change nothing.
 */
@Aggregate
public class ProcedureDossier {
    private record Step(String agencyId, LocalDate dueOn, boolean completed) {
    }

    @AggregateIdentifier
    private String dossierId;
    private DossierStatus status;
    private int processingDays;
    private LocalDate appointmentOn;
    private LocalDate pausedOn;
    private boolean late;
    private final Map<String, Step> steps = new HashMap<>();
    private boolean paymentOutstanding;
    private boolean personalDataErased;
    private long paymentAmount;
    private boolean rated;

    protected ProcedureDossier() {
        // for Axon
    }

    @CommandHandler
    public ProcedureDossier(SubmitDossier command, Clock clock) {
        require(command.trackingCode() != null && command.trackingCode().matches("[A-Z0-9-]{6,40}"),
                "trackingCode", DossierError.TRACKING_CODE_FORMAT);
        ProcedureTerms procedure = command.procedure();
        require(procedure != null && procedure.code() != null && procedure.competentAgencyId() != null
                && procedure.processingDays() >= 0 && procedure.feeVnd() >= 0, "procedure", DossierError.PROCEDURE_REQUIRED);
        require(command.channel() != null, "channel", DossierError.CHANNEL_REQUIRED);
        require(command.applicant() != null && command.applicant().name() != null && !command.applicant().name().isBlank(),
                "applicant.name", DossierError.APPLICANT_REQUIRED);
        // no longer than the read model's columns: an event it cannot write is skipped there, the dossier never shown
        Applicant applicant = command.applicant();
        requireAtMost(applicant.name(), 200, "applicant.name");
        requireAtMost(applicant.idNumber(), 30, "applicant.idNumber");
        requireAtMost(applicant.address(), 500, "applicant.address");
        requireAtMost(applicant.phone(), 100, "applicant.phone");
        requireAtMost(applicant.email(), 200, "applicant.email");
        require(command.components() >= 0 && command.components() <= 200, "components", DossierError.COMPONENTS_RANGE, 200);
        apply(new DossierSubmitted(command.dossierId(), command.trackingCode(), procedure, command.channel(),
                command.applicant(), command.components(), command.filedAtUnitId(), clock.instant(), command.identity(),
                command.consent()));
    }

    @CommandHandler
    public void handle(ReceiveDossier command, WorkingCalendar calendar, Clock clock) {
        requireStatus(DossierError.RECEIVE_ONLY_NEW, DossierStatus.NEW);
        require(command.digitisedComponents() >= 0 && command.reusedComponents() >= 0, "components", DossierError.COMPONENTS_NEGATIVE);
        LocalDate today = today(clock);
        apply(new DossierReceived(dossierId, today, calendar.addWorkingDays(today, processingDays),
                command.digitisedComponents(), command.reusedComponents()));
    }

    @CommandHandler
    public void handle(RefuseDossier command) {
        requireStatus(DossierError.REFUSE_ONLY_NEW, DossierStatus.NEW);
        apply(new DossierRefused(dossierId, requireText(command.reason(), "reason")));
    }

    @CommandHandler
    public void handle(RequestSupplement command, Clock clock) {
        requireStatus(DossierError.SUPPLEMENT_STATE,
                DossierStatus.NEW, DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);
        apply(new SupplementRequested(dossierId, requireText(command.reason(), "reason"), today(clock)));
    }

    @CommandHandler
    public void handle(ProvideSupplement command) {
        requireStatus(DossierError.NO_SUPPLEMENT_REQUESTED, DossierStatus.SUPPLEMENT_REQUESTED);
        List<SuppliedFile> files = command.files() == null ? List.of() : List.copyOf(command.files());
        require(!files.isEmpty() && files.size() <= MAX_SUPPLIED_FILES, "files", DossierError.SUPPLIED_FILES_RANGE,
                MAX_SUPPLIED_FILES);
        String note = command.note() == null ? "" : command.note().strip();
        require(note.length() <= 2000, "note", DossierError.TEXT_LENGTH, Label.field("note"), 2000);
        apply(new SupplementProvided(dossierId, note, files));
    }

    @CommandHandler
    public void handle(ReceiveSupplement command, WorkingCalendar calendar, Clock clock) {
        requireStatus(DossierError.NO_SUPPLEMENT_REQUESTED, DossierStatus.SUPPLEMENT_REQUESTED);
        LocalDate today = today(clock);
        if (appointmentOn == null) { // asked for at reception: the clock has not started
            apply(new SupplementReceived(dossierId, today, 0, null, Map.of()));
            return;
        }
        int paused = Math.max(0, calendar.workingDaysBetween(pausedOn, today));
        Map<String, LocalDate> stepsDueOn = new java.util.TreeMap<>();
        steps.forEach((id, step) -> {
            if (!step.completed()) {
                stepsDueOn.put(id, calendar.addWorkingDays(step.dueOn(), paused));
            }
        });
        apply(new SupplementReceived(dossierId, today, paused, calendar.addWorkingDays(appointmentOn, paused),
                stepsDueOn));
    }

    @CommandHandler
    public void handle(StartStep command, WorkingCalendar calendar, Clock clock) {
        requireStatus(DossierError.STEPS_WHILE_PROCESSING, DossierStatus.RECEIVED,
                DossierStatus.IN_PROCESS);
        require(command.stepId() != null && !steps.containsKey(command.stepId()), "stepId", DossierError.STEP_EXISTS);
        require(command.agencyId() != null, "agencyId", DossierError.STEP_AGENCY_REQUIRED);
        require(command.days() >= 0 && command.days() <= 365, "days", DossierError.STEP_DAYS_RANGE, 365);
        LocalDate today = today(clock);
        apply(new ProcessingStepStarted(dossierId, command.stepId(), command.agencyId(), requireText(command.task(), "task"),
                today, calendar.addWorkingDays(today, command.days())));
    }

    @CommandHandler
    public void handle(CompleteStep command, Clock clock) {
        Step step = steps.get(command.stepId());
        if (step == null) {
            throw new InvalidInput("stepId", DossierError.STEP_UNKNOWN);
        }
        if (step.completed()) {
            throw new BusinessRuleViolation(DossierError.STEP_COMPLETED);
        }
        requireStatus(DossierError.STEPS_WHILE_PROCESSING, DossierStatus.IN_PROCESS);
        requireAtMost(command.note(), 2000, "note");
        LocalDate today = today(clock);
        apply(new ProcessingStepCompleted(dossierId, command.stepId(), step.agencyId(), today,
                timeliness(today, step.dueOn(), false), command.note()));
    }

    @CommandHandler
    public void handle(RequestPayment command) {
        requireStatus(DossierError.PAYMENT_WHILE_PROCESSING,
                DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);
        require(command.amountVnd() > 0, "amountVnd", DossierError.AMOUNT_POSITIVE);
        apply(new PaymentRequested(dossierId, command.amountVnd(), requireText(command.purpose(), "purpose")));
    }

    @CommandHandler
    public void handle(RecordPayment command) {
        if (!paymentOutstanding) {
            throw new BusinessRuleViolation(DossierError.NOTHING_DUE);
        }
        require(command.method() != null, "method", DossierError.PAYMENT_METHOD_REQUIRED);
        apply(new PaymentReceived(dossierId, paymentAmount, command.method()));
    }

    @CommandHandler
    public void handle(StopProcessing command) {
        requireOpen(DossierError.CANNOT_STOP);
        apply(new ProcessingStopped(dossierId, requireText(command.reason(), "reason")));
    }

    @CommandHandler
    public void handle(WithdrawDossier command) {
        requireOpen(DossierError.CANNOT_WITHDRAW);
        apply(new DossierWithdrawn(dossierId, requireText(command.reason(), "reason")));
    }

    /**
     * Deletes the dossier's key in this command's transaction, so that the event saying so and the erasure
     * commit together; the event carries nothing personal.
     */
    @CommandHandler
    public void handle(ErasePersonalData command, SubjectKeys keys) {
        String legalBasis = requireText(command.legalBasis(), "legalBasis");
        if (personalDataErased) {
            throw new BusinessRuleViolation(DossierError.ALREADY_ERASED);
        }
        keys.erase(dossierId);
        apply(new ApplicantDataErased(dossierId, legalBasis));
    }

    @CommandHandler
    public void handle(ResolveDossier command, Clock clock) {
        requireStatus(DossierError.RESOLVE_ONLY_PROCESSING, DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);
        if (steps.values().stream().anyMatch(step -> !step.completed())) {
            throw new BusinessRuleViolation(DossierError.STEP_NOT_COMPLETED);
        }
        LocalDate today = today(clock);
        apply(new DossierResolved(dossierId, today, appointmentOn, timeliness(today, appointmentOn, late),
                command.resultDigitised()));
    }

    @CommandHandler
    public void handle(ReturnResult command, Clock clock) {
        requireStatus(DossierError.RETURN_ONLY_RESOLVED, DossierStatus.RESOLVED);
        apply(new ResultReturned(dossierId, today(clock)));
    }

    @CommandHandler
    public void handle(IssueApology command, WorkingCalendar calendar, Clock clock) {
        requireStatus(DossierError.APOLOGY_WHILE_PROCESSING, DossierStatus.RECEIVED,
                DossierStatus.IN_PROCESS, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.PAYMENT_REQUESTED);
        require(command.extraDays() >= 1 && command.extraDays() <= 60, "extraDays", DossierError.EXTRA_DAYS_RANGE, 60);
        LocalDate today = today(clock);
        LocalDate from = today.isAfter(appointmentOn) ? today : appointmentOn;
        apply(new ApologyIssued(dossierId, requireText(command.reason(), "reason"), appointmentOn,
                calendar.addWorkingDays(from, command.extraDays())));
    }

    @CommandHandler
    public void handle(RateSatisfaction command) {
        requireStatus(DossierError.RATE_AFTER_RESULT, DossierStatus.RESULT_RETURNED);
        if (rated) {
            throw new BusinessRuleViolation(DossierError.ALREADY_RATED);
        }
        require(command.score() >= 1 && command.score() <= 5, "score", DossierError.SCORE_RANGE);
        apply(new SatisfactionRated(dossierId, command.score()));
    }

    // ---- rules

    private static Timeliness timeliness(LocalDate done, LocalDate due, boolean alreadyLate) {
        if (alreadyLate || done.isAfter(due)) {
            return Timeliness.LATE;
        }
        return done.isBefore(due) ? Timeliness.EARLY : Timeliness.ON_TIME;
    }

    private void requireStatus(DossierError refusal, DossierStatus... allowed) {
        for (DossierStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new BusinessRuleViolation(refusal, status);
    }

    private void requireOpen(DossierError refusal) {
        if (status.closed() || status == DossierStatus.RESOLVED) {
            throw new BusinessRuleViolation(refusal, status);
        }
    }

    private static void require(boolean condition, String field, DossierError refusal, Object... arguments) {
        if (!condition) {
            throw new InvalidInput(field, refusal, arguments);
        }
    }

    /** An optional text, if given, of at most {@code max} characters. */
    private static void requireAtMost(String text, int max, String field) {
        require(text == null || text.length() <= max, field, DossierError.TEXT_LENGTH, Label.field(field), max);
    }

    private static String requireText(String text, String field) {
        require(text != null && !text.isBlank() && text.length() <= 2000, field, DossierError.TEXT_LENGTH, Label.field(field), 2000);
        return text.strip();
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(DisplayDates.VIETNAM));
    }

    // ---- state

    @EventSourcingHandler
    void on(DossierSubmitted e) {
        dossierId = e.dossierId();
        status = DossierStatus.NEW;
        processingDays = e.procedure().processingDays();
    }

    @EventSourcingHandler
    void on(DossierReceived e) {
        status = DossierStatus.RECEIVED;
        appointmentOn = e.appointmentOn();
    }

    @EventSourcingHandler
    void on(DossierRefused e) {
        status = DossierStatus.REFUSED;
    }

    /** At most this many files in one answer to a supplement request. */
    static final int MAX_SUPPLIED_FILES = 10;

    @EventSourcingHandler
    void on(SupplementRequested e) {
        status = DossierStatus.SUPPLEMENT_REQUESTED;
        pausedOn = e.requestedOn();
    }

    @EventSourcingHandler
    void on(SupplementReceived e) {
        status = appointmentOn == null ? DossierStatus.NEW
                : steps.isEmpty() ? DossierStatus.RECEIVED : DossierStatus.IN_PROCESS;
        if (e.appointmentOn() != null) {
            appointmentOn = e.appointmentOn();
        }
        if (e.stepsDueOn() != null) {
            e.stepsDueOn().forEach((id, due) -> steps.computeIfPresent(id, (key, step) ->
                    new Step(step.agencyId(), due, step.completed())));
        }
        pausedOn = null;
    }

    @EventSourcingHandler
    void on(ProcessingStepStarted e) {
        status = DossierStatus.IN_PROCESS;
        steps.put(e.stepId(), new Step(e.agencyId(), e.dueOn(), false));
    }

    @EventSourcingHandler
    void on(ProcessingStepCompleted e) {
        steps.computeIfPresent(e.stepId(), (id, step) -> new Step(step.agencyId(), step.dueOn(), true));
    }

    @EventSourcingHandler
    void on(PaymentRequested e) {
        status = DossierStatus.PAYMENT_REQUESTED;
        paymentOutstanding = true;
        paymentAmount = e.amountVnd();
    }

    @EventSourcingHandler
    void on(PaymentReceived e) {
        status = steps.isEmpty() ? DossierStatus.RECEIVED : DossierStatus.IN_PROCESS;
        paymentOutstanding = false;
    }

    @EventSourcingHandler
    void on(ProcessingStopped e) {
        status = DossierStatus.STOPPED;
    }

    @EventSourcingHandler
    void on(ApplicantDataErased e) {
        personalDataErased = true;
    }

    @EventSourcingHandler
    void on(DossierWithdrawn e) {
        status = DossierStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DossierResolved e) {
        status = DossierStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(ResultReturned e) {
        status = DossierStatus.RESULT_RETURNED;
    }

    @EventSourcingHandler
    void on(ApologyIssued e) {
        late = true;
        appointmentOn = e.newAppointmentOn();
    }

    @EventSourcingHandler
    void on(SatisfactionRated e) {
        rated = true;
    }
}
