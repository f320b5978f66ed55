package vn.egov.backbone.onestop.dossier;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.onestop.calendar.WorkingCalendar;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.*;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** The lifecycle rules of a procedure dossier, with the working-day calendar and a fixed clock (Vietnam time). */
class ProcedureDossierTest {
    private static final String ID = "hs-1";
    private static final ProcedureTerms BIRTH_REGISTRATION = new ProcedureTerms("1.001193", 2, "Đăng ký khai sinh",
            "ubnd-xa-tan-lap", 3, 0, true);
    private static final Applicant APPLICANT = new Applicant("Nguyễn Văn Bình", "001090012345",
            "Thôn Đông, xã Tân Lập", "0912345678", null);
    private static final LocalDate FRIDAY_BEFORE_TET = LocalDate.of(2026, 2, 13);
    private static final Instant FRIDAY_9AM = Instant.parse("2026-02-13T02:00:00Z");

    private static AggregateTestFixture<ProcedureDossier> at(LocalDate day) {
        AggregateTestFixture<ProcedureDossier> fixture = new AggregateTestFixture<>(ProcedureDossier.class);
        fixture.registerInjectableResource(Clock.fixed(day.atTime(9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(),
                ZoneId.of("UTC")));
        fixture.registerInjectableResource(WorkingCalendar.standard());
        return fixture;
    }

    private static DossierSubmitted submitted() {
        return new DossierSubmitted(ID, "HS-2026-000001", BIRTH_REGISTRATION, Channel.ONLINE, APPLICANT, 3, "ubnd-xa-hoa-binh",
                FRIDAY_9AM);
    }

    private static DossierReceived received() {
        return new DossierReceived(ID, FRIDAY_BEFORE_TET, LocalDate.of(2026, 2, 25), 3, 0);
    }

    @Test
    void aDossierReceivedOnTheFridayBeforeTetIsDueOnTheThirdWorkingDayAfterIt() {
        at(FRIDAY_BEFORE_TET).given(submitted()).when(new ReceiveDossier(ID, 3, 0))
                .expectEvents(new DossierReceived(ID, FRIDAY_BEFORE_TET, LocalDate.of(2026, 2, 25), 3, 0));
        at(FRIDAY_BEFORE_TET).givenNoPriorActivity()
                .when(new SubmitDossier(ID, "hs lowercase", BIRTH_REGISTRATION, Channel.DESK, APPLICANT, 3, null))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void theClockPausesForASupplementAndTheAppointmentMovesByTheDaysWaited() {
        // Requested on Wednesday 25 February, supplied on Friday 27: two working days waited.
        at(LocalDate.of(2026, 2, 27)).given(submitted(), received(),
                        new SupplementRequested(ID, "Thiếu bản sao giấy chứng sinh", LocalDate.of(2026, 2, 25)))
                .when(new ReceiveSupplement(ID))
                .expectEvents(new SupplementReceived(ID, LocalDate.of(2026, 2, 27), 2, LocalDate.of(2026, 2, 27), Map.of()));
        // An open step's deadline moves with it (due Tuesday 24 February + 2 working days), a completed one does not.
        ProcessingStepStarted open = new ProcessingStepStarted(ID, "b1", "ubnd-xa-tan-lap", "Thẩm định",
                FRIDAY_BEFORE_TET, LocalDate.of(2026, 2, 24));
        ProcessingStepStarted done = new ProcessingStepStarted(ID, "b0", "ubnd-xa-tan-lap", "Kiểm tra",
                FRIDAY_BEFORE_TET, LocalDate.of(2026, 2, 23));
        at(LocalDate.of(2026, 2, 27)).given(submitted(), received(), done, open,
                        new ProcessingStepCompleted(ID, "b0", "ubnd-xa-tan-lap", LocalDate.of(2026, 2, 23), Timeliness.ON_TIME, null),
                        new SupplementRequested(ID, "Thiếu bản sao giấy chứng sinh", LocalDate.of(2026, 2, 25)))
                .when(new ReceiveSupplement(ID))
                .expectEvents(new SupplementReceived(ID, LocalDate.of(2026, 2, 27), 2, LocalDate.of(2026, 2, 27),
                        Map.of("b1", LocalDate.of(2026, 2, 26))));
        // Asked for at reception of an online dossier, before the clock started: nothing moves, the dossier awaits reception.
        at(LocalDate.of(2026, 2, 27)).given(submitted(), new SupplementRequested(ID, "Ảnh chụp giấy tờ bị mờ",
                        LocalDate.of(2026, 2, 25)))
                .when(new ReceiveSupplement(ID))
                .expectEvents(new SupplementReceived(ID, LocalDate.of(2026, 2, 27), 0, null, Map.of()))
                .expectState(dossier -> org.assertj.core.api.Assertions.assertThat(dossier).extracting("status")
                        .isEqualTo(vn.egov.backbone.onestop.dossier.api.DossierStatus.NEW));
        at(LocalDate.of(2026, 2, 27)).given(submitted(), received(), new DossierWithdrawn(ID, "Nộp lại hồ sơ khác"))
                .when(new ReceiveSupplement(ID))
                .expectException(BusinessRuleViolation.class);
        at(LocalDate.of(2026, 2, 27)).given(submitted(), received(), new DossierWithdrawn(ID, "Nộp lại hồ sơ khác"))
                .when(new RequestSupplement(ID, "Thiếu giấy tờ"))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void eachStepHasItsOwnDeadlineAndResultOnTheControlSlip() {
        ProcessingStepStarted atCommune = new ProcessingStepStarted(ID, "b1", "ubnd-xa-tan-lap", "Thẩm định, ký duyệt",
                FRIDAY_BEFORE_TET, LocalDate.of(2026, 2, 24));
        at(FRIDAY_BEFORE_TET).given(submitted(), received())
                .when(new StartStep(ID, "b1", "ubnd-xa-tan-lap", "Thẩm định, ký duyệt", 2))
                .expectEvents(atCommune);
        at(LocalDate.of(2026, 2, 26)).given(submitted(), received(), atCommune)
                .when(new CompleteStep(ID, "b1", "Đã ký"))
                .expectEvents(new ProcessingStepCompleted(ID, "b1", "ubnd-xa-tan-lap", LocalDate.of(2026, 2, 26),
                        Timeliness.LATE, "Đã ký"));
        at(LocalDate.of(2026, 2, 23)).given(submitted(), received(), atCommune)
                .when(new CompleteStep(ID, "b1", "Đã ký"))
                .expectEvents(new ProcessingStepCompleted(ID, "b1", "ubnd-xa-tan-lap", LocalDate.of(2026, 2, 23),
                        Timeliness.EARLY, "Đã ký"));
        at(LocalDate.of(2026, 2, 23)).given(submitted(), received(), atCommune)
                .when(new ResolveDossier(ID, true))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void paymentOnceResolutionBeforeReturnAndOneRating() {
        PaymentRequested fee = new PaymentRequested(ID, 50_000, "Lệ phí cấp bản sao trích lục");
        at(FRIDAY_BEFORE_TET).given(submitted(), received(), fee).when(new RecordPayment(ID, PaymentMethod.ONLINE))
                .expectEvents(new PaymentReceived(ID, 50_000, PaymentMethod.ONLINE));
        at(FRIDAY_BEFORE_TET).given(submitted(), received(), fee, new PaymentReceived(ID, 50_000, PaymentMethod.ONLINE))
                .when(new RecordPayment(ID, PaymentMethod.CASH))
                .expectException(BusinessRuleViolation.class);
        at(FRIDAY_BEFORE_TET).given(submitted(), received(), fee).when(new ResolveDossier(ID, true))
                .expectException(BusinessRuleViolation.class);
        at(FRIDAY_BEFORE_TET).given(submitted(), received()).when(new ReturnResult(ID))
                .expectException(BusinessRuleViolation.class);
        at(LocalDate.of(2026, 2, 25)).given(submitted(), received()).when(new ResolveDossier(ID, true))
                .expectEvents(new DossierResolved(ID, LocalDate.of(2026, 2, 25), LocalDate.of(2026, 2, 25),
                        Timeliness.ON_TIME, true));
        DossierResolved resolved = new DossierResolved(ID, LocalDate.of(2026, 2, 24), LocalDate.of(2026, 2, 25),
                Timeliness.EARLY, true);
        ResultReturned returned = new ResultReturned(ID, LocalDate.of(2026, 2, 25));
        at(LocalDate.of(2026, 2, 25)).given(submitted(), received(), resolved).when(new ReturnResult(ID))
                .expectEvents(returned);
        at(LocalDate.of(2026, 2, 25)).given(submitted(), received(), resolved, returned).when(new RateSatisfaction(ID, 5))
                .expectEvents(new SatisfactionRated(ID, 5));
        at(LocalDate.of(2026, 2, 25)).given(submitted(), received(), resolved, returned, new SatisfactionRated(ID, 5))
                .when(new RateSatisfaction(ID, 1))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void aLateDossierGetsAnApologyWithANewAppointmentAndStaysLate() {
        ApologyIssued apology = new ApologyIssued(ID, "Chờ xác minh thông tin cư trú", LocalDate.of(2026, 2, 25),
                LocalDate.of(2026, 3, 4));
        at(LocalDate.of(2026, 2, 24)).given(submitted(), received())
                .when(new IssueApology(ID, "Chờ xác minh thông tin cư trú", 5))
                .expectEvents(apology);
        // Resolved before the new appointment, but the first one was missed: late on record.
        at(LocalDate.of(2026, 3, 2)).given(submitted(), received(), apology).when(new ResolveDossier(ID, false))
                .expectEvents(new DossierResolved(ID, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4),
                        Timeliness.LATE, false));
        at(LocalDate.of(2026, 2, 24)).given(submitted(), new DossierRefused(ID, "Không thuộc thẩm quyền"))
                .when(new IssueApology(ID, "Trễ", 3))
                .expectException(BusinessRuleViolation.class);
    }
}
