package vn.egov.backbone.onestop.dossier;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.onestop.calendar.WorkingCalendar;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.*;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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
    private long paymentAmount;
    private boolean rated;

    protected ProcedureDossier() {
        // for Axon
    }

    @CommandHandler
    public ProcedureDossier(SubmitDossier command, Clock clock) {
        require(command.trackingCode() != null && command.trackingCode().matches("[A-Z0-9-]{6,40}"),
                "trackingCode: 6 to 40 capital letters, digits and hyphens");
        ProcedureTerms procedure = command.procedure();
        require(procedure != null && procedure.code() != null && procedure.competentAgencyId() != null
                && procedure.processingDays() >= 0 && procedure.feeVnd() >= 0, "procedure: a procedure of the catalogue");
        require(command.channel() != null, "channel: DESK, ONLINE or POST");
        require(command.applicant() != null && command.applicant().name() != null && !command.applicant().name().isBlank(),
                "applicant.name: who applies");
        require(command.components() >= 0 && command.components() <= 200, "components: 0 to 200");
        apply(new DossierSubmitted(command.dossierId(), command.trackingCode(), procedure, command.channel(),
                command.applicant(), command.components(), command.filedAtUnitId(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReceiveDossier command, WorkingCalendar calendar, Clock clock) {
        requireStatus("Only a new dossier is received", DossierStatus.NEW);
        require(command.digitisedComponents() >= 0 && command.reusedComponents() >= 0, "components: not negative");
        LocalDate today = today(clock);
        apply(new DossierReceived(dossierId, today, calendar.addWorkingDays(today, processingDays),
                command.digitisedComponents(), command.reusedComponents()));
    }

    @CommandHandler
    public void handle(RefuseDossier command) {
        requireStatus("Only a new dossier can be refused at reception", DossierStatus.NEW);
        apply(new DossierRefused(dossierId, requireText(command.reason(), "reason")));
    }

    @CommandHandler
    public void handle(RequestSupplement command, Clock clock) {
        requireStatus("A supplement is requested at reception or while the dossier is being processed",
                DossierStatus.NEW, DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);
        apply(new SupplementRequested(dossierId, requireText(command.reason(), "reason"), today(clock)));
    }

    @CommandHandler
    public void handle(ReceiveSupplement command, WorkingCalendar calendar, Clock clock) {
        requireStatus("No supplement was requested", DossierStatus.SUPPLEMENT_REQUESTED);
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
        requireStatus("Steps are worked while the dossier is being processed", DossierStatus.RECEIVED,
                DossierStatus.IN_PROCESS);
        require(command.stepId() != null && !steps.containsKey(command.stepId()), "stepId: a new step");
        require(command.agencyId() != null, "agencyId: the agency of the step");
        require(command.days() >= 0 && command.days() <= 365, "days: 0 to 365 working days");
        LocalDate today = today(clock);
        apply(new ProcessingStepStarted(dossierId, command.stepId(), command.agencyId(), requireText(command.task(), "task"),
                today, calendar.addWorkingDays(today, command.days())));
    }

    @CommandHandler
    public void handle(CompleteStep command, Clock clock) {
        Step step = steps.get(command.stepId());
        if (step == null) {
            throw new IllegalArgumentException("stepId: a step of this dossier");
        }
        if (step.completed()) {
            throw new BusinessRuleViolation("The step is already completed");
        }
        requireStatus("Steps are worked while the dossier is being processed", DossierStatus.IN_PROCESS);
        LocalDate today = today(clock);
        apply(new ProcessingStepCompleted(dossierId, command.stepId(), step.agencyId(), today,
                timeliness(today, step.dueOn(), false), command.note()));
    }

    @CommandHandler
    public void handle(RequestPayment command) {
        requireStatus("A financial obligation is requested while the dossier is being processed",
                DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);
        require(command.amountVnd() > 0, "amountVnd: more than 0");
        apply(new PaymentRequested(dossierId, command.amountVnd(), requireText(command.purpose(), "purpose")));
    }

    @CommandHandler
    public void handle(RecordPayment command) {
        if (!paymentOutstanding) {
            throw new BusinessRuleViolation("Nothing is due: the obligation is paid or was never requested");
        }
        require(command.method() != null, "method: ONLINE or CASH");
        apply(new PaymentReceived(dossierId, paymentAmount, command.method()));
    }

    @CommandHandler
    public void handle(StopProcessing command) {
        requireOpen("stopped");
        apply(new ProcessingStopped(dossierId, requireText(command.reason(), "reason")));
    }

    @CommandHandler
    public void handle(WithdrawDossier command) {
        requireOpen("withdrawn");
        apply(new DossierWithdrawn(dossierId, requireText(command.reason(), "reason")));
    }

    @CommandHandler
    public void handle(ResolveDossier command, Clock clock) {
        requireStatus("Only a dossier being processed is resolved", DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);
        if (steps.values().stream().anyMatch(step -> !step.completed())) {
            throw new BusinessRuleViolation("A processing step is not completed");
        }
        LocalDate today = today(clock);
        apply(new DossierResolved(dossierId, today, appointmentOn, timeliness(today, appointmentOn, late),
                command.resultDigitised()));
    }

    @CommandHandler
    public void handle(ReturnResult command, Clock clock) {
        requireStatus("The result is returned once the dossier is resolved", DossierStatus.RESOLVED);
        apply(new ResultReturned(dossierId, today(clock)));
    }

    @CommandHandler
    public void handle(IssueApology command, WorkingCalendar calendar, Clock clock) {
        requireStatus("An apology is for a dossier still being processed", DossierStatus.RECEIVED,
                DossierStatus.IN_PROCESS, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.PAYMENT_REQUESTED);
        require(command.extraDays() >= 1 && command.extraDays() <= 60, "extraDays: 1 to 60 working days");
        LocalDate today = today(clock);
        LocalDate from = today.isAfter(appointmentOn) ? today : appointmentOn;
        apply(new ApologyIssued(dossierId, requireText(command.reason(), "reason"), appointmentOn,
                calendar.addWorkingDays(from, command.extraDays())));
    }

    @CommandHandler
    public void handle(RateSatisfaction command) {
        requireStatus("The applicant rates once the result is returned", DossierStatus.RESULT_RETURNED);
        if (rated) {
            throw new BusinessRuleViolation("The dossier has already been rated");
        }
        require(command.score() >= 1 && command.score() <= 5, "score: 1 to 5");
        apply(new SatisfactionRated(dossierId, command.score()));
    }

    // ---- rules

    private static Timeliness timeliness(LocalDate done, LocalDate due, boolean alreadyLate) {
        if (alreadyLate || done.isAfter(due)) {
            return Timeliness.LATE;
        }
        return done.isBefore(due) ? Timeliness.EARLY : Timeliness.ON_TIME;
    }

    private void requireStatus(String message, DossierStatus... allowed) {
        for (DossierStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new BusinessRuleViolation(message + " (the dossier is: " + status.label() + ")");
    }

    private void requireOpen(String what) {
        if (status.closed() || status == DossierStatus.RESOLVED) {
            throw new BusinessRuleViolation("The dossier cannot be " + what + " now (it is: " + status.label() + ")");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String requireText(String text, String field) {
        require(text != null && !text.isBlank() && text.length() <= 2000, field + ": 1 to 2000 characters");
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
