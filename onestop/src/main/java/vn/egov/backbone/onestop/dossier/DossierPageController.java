package vn.egov.backbone.onestop.dossier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.shared.QrCodes;
import vn.egov.backbone.onestop.calendar.WorkingCalendar;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Consent;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.PaymentMethod;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one-stop desk's pages: the dossiers of the official's units (online submissions awaiting
 * reception first), registering one handed in at the counter, each dossier's handling record with the actions
 * its officials may take (reception, steps, supplements, fees, the result, an apology, stopping), and the two papers the applicant is handed — the receipt with the
 * appointment and the QR code of the citizen's lookup (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), and
 * for a late dossier the apology with a new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả),
 * both printable from the browser.
 */
@Controller
class DossierPageController {
    private final DossierActions dossiers;
    private final PageActions pages;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final WorkingCalendar calendar;

    DossierPageController(DossierActions dossiers, PageActions pages, MessageSource messages, java.time.Clock clock,
                          WorkingCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
        this.dossiers = dossiers;
        this.pages = pages;
        this.messages = messages;
    }

    /** Dossiers in the desk's list per page: what a clerk reads at a glance, and the documents list's size. */
    static final int LIST_PAGE = 50;

    @GetMapping("/dossiers")
    String desk(@RequestParam(name = "status", required = false) String statusName,
                @RequestParam(required = false) String procedure, @RequestParam(required = false) String q,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String overdue, @RequestParam(required = false) String page, Model model) {
        // an unknown status, a date that is none or a page number that is no number, typed in the address, are left
        // out of the filter: the list shows what the rest asks for, not an error page
        DossierStatus status = java.util.Arrays.stream(DossierStatus.values())
                .filter(candidate -> candidate.name().equals(statusName)).findFirst().orElse(null);
        DeskFilter filter = new DeskFilter(status, procedure, q, day(from), day(to), "true".equals(overdue));
        model.addAttribute("awaiting", dossiers.list(DossierStatus.NEW));
        model.addAttribute("supplemented", dossiers.supplementsAnswered());
        DossierActions.Page shown = dossiers.page(filter, page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1,
                LIST_PAGE);
        model.addAttribute("dossiers", shown.dossiers());
        model.addAttribute("page", shown.number());
        model.addAttribute("hasNext", shown.hasNext());
        model.addAttribute("previousPage", pageAddress(filter, shown.number() - 1));
        model.addAttribute("nextPage", pageAddress(filter, shown.number() + 1));
        model.addAttribute("filter", filter);
        model.addAttribute("status", status);
        model.addAttribute("procedures", dossiers.procedures());
        model.addAttribute("statuses", DossierStatus.values());
        model.addAttribute("openStatuses", DeskFilter.OPEN);
        model.addAttribute("mayRegister", dossiers.mayRegister());
        // an open dossier is marked overdue past its appointment, due soon within two working days of it
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(vn.egov.backbone.core.shared.DisplayDates.VIETNAM));
        model.addAttribute("today", today);
        model.addAttribute("dueSoonBy", calendar.addWorkingDays(today, 2));
        return "onestop/desk";
    }

    /** The desk's list at another page, narrowed as this one: only the parts of the filter given appear. */
    private static String pageAddress(DeskFilter filter, int page) {
        org.springframework.web.util.UriComponentsBuilder address = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/dossiers");
        java.util.Map<String, Object> parts = new java.util.LinkedHashMap<>();
        parts.put("q", filter.text());
        parts.put("status", filter.status());
        parts.put("procedure", filter.procedureCode());
        parts.put("from", filter.from());
        parts.put("to", filter.to());
        parts.put("overdue", filter.overdueOnly() ? "true" : null);
        parts.values().removeIf(java.util.Objects::isNull);
        // as variables, so that what was typed ("&", "+", Vietnamese letters) is encoded whole
        parts.keySet().forEach(name -> address.queryParam(name, "{" + name + "}"));
        return address.queryParam("page", page).encode().buildAndExpand(parts).toUriString();
    }

    /** A day as a date field sends it ({@code 2026-12-04}); anything else is no day. */
    private static java.time.LocalDate day(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : java.time.LocalDate.parse(typed.strip());
        } catch (java.time.format.DateTimeParseException notADay) {
            return null;
        }
    }

    /**
     * The desk registers a dossier handed in at the counter: submitted and received at once, the appointment
     * computed; the receipt to hand over comes next. A refused form comes back as typed, with the reason.
     */
    @GetMapping("/dossiers/new")
    String registrationForm(Model model) {
        dossiers.requireDeskRole();
        model.addAttribute("procedures", dossiers.procedures());
        model.addAttribute("communes", dossiers.communes());
        return "onestop/register";
    }

    @PostMapping("/dossiers/new")
    String register(@RequestParam String procedureCode, @RequestParam(required = false) String communeId,
                    @RequestParam String name, @RequestParam(required = false) String idNumber,
                    @RequestParam(required = false) String address, @RequestParam(required = false) String phone,
                    @RequestParam(required = false) String email, @RequestParam(defaultValue = "0") int components,
                    @RequestParam(defaultValue = "0") int digitisedComponents,
                    @RequestParam(defaultValue = "false") boolean consentEmail,
                    @RequestParam(defaultValue = "false") boolean consentPhone, Model model,
                    HttpServletResponse response, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        return pages.runOrShowForm(redirect, model, response, () -> {
            DossierActions.Registered registered = dossiers.register(procedureCode, blankToNull(communeId),
                    Channel.DESK, new Applicant(name.strip(), blankToNull(idNumber), blankToNull(address),
                            blankToNull(phone), blankToNull(email)), components, digitisedComponents, 0,
                    new Consent(consentEmail, consentPhone));
            // the paper to hand over, printed at once
            return new PageActions.Outcome(null, "/dossiers/" + registered.id() + "/receipt");
        }, () -> registrationForm(model));
    }

    /**
     * The dossier's page for the officials who work on it: the handling record, and the forms of what the
     * viewer may do now. Outside their dossiers it answers 404, as the API does.
     */
    @GetMapping("/dossiers/{id}")
    String record(@PathVariable String id, Model model) {
        DossierActions.HandlingRecord record = dossiers.handlingRecord(id);
        model.addAttribute("record", record);
        model.addAttribute("dossier", record.dossier());
        model.addAttribute("offers", record.offers().stream().map(Enum::name).toList());
        return "onestop/dossier";
    }

    /** Receives an online or posted dossier after checking it: the clock starts, the receipt can be printed. */
    @PostMapping("/dossiers/{id}/reception")
    String receive(@PathVariable String id, @RequestParam(defaultValue = "0") int digitisedComponents,
                   @RequestParam(defaultValue = "desk") String back, RedirectAttributes redirect) {
        return pages.runAndGo(redirect, backTo(id, back), () -> {
            dossiers.receive(id, digitisedComponents, 0); // waits: the receipt shows the appointment the reception computed
            return new PageActions.Outcome(message("desk.received"), "/dossiers/" + id + "/receipt");
        });
    }

    /** The desk, checking what was sent online or by post, asks the applicant for what is missing (with the reason). */
    @PostMapping("/dossiers/{id}/supplement-request")
    String requestSupplement(@PathVariable String id, @RequestParam String reason,
                             @RequestParam(defaultValue = "desk") String back, RedirectAttributes redirect) {
        return pages.run(redirect, backTo(id, back), () -> {
            dossiers.requestSupplement(id, reason);
            return message("desk.supplementRequested");
        });
    }

    /** The desk, having checked what the applicant sent online, receives the supplement: the clock resumes. */
    @PostMapping("/dossiers/{id}/supplement")
    String receiveSupplement(@PathVariable String id, @RequestParam(defaultValue = "desk") String back,
                             RedirectAttributes redirect) {
        return pages.run(redirect, backTo(id, back), () -> {
            dossiers.receiveSupplement(id);
            return message("desk.supplementReceived");
        });
    }

    @PostMapping("/dossiers/{id}/refusal")
    String refuse(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.refused", () -> dossiers.refuse(id, reason));
    }

    /** A processing step: the competent agency's own work, or a department's opinion (liên thông). */
    @PostMapping("/dossiers/{id}/steps")
    String startStep(@PathVariable String id, @RequestParam String agencyId, @RequestParam String task,
                     @RequestParam(defaultValue = "0") int days, RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.stepStarted", () -> dossiers.startStep(id, agencyId, task, days));
    }

    @PostMapping("/dossiers/{id}/steps/{stepId}/completion")
    String completeStep(@PathVariable String id, @PathVariable String stepId,
                        @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.stepCompleted", () -> dossiers.completeStep(id, stepId, blankToNull(note)));
    }

    @PostMapping("/dossiers/{id}/payment-request")
    String requestPayment(@PathVariable String id, @RequestParam long amountVnd, @RequestParam String purpose,
                          RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.paymentRequested", () -> dossiers.requestPayment(id, amountVnd, purpose));
    }

    @PostMapping("/dossiers/{id}/payment")
    String recordPayment(@PathVariable String id, @RequestParam PaymentMethod method, RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.paymentRecorded", () -> dossiers.recordPayment(id, method));
    }

    @PostMapping("/dossiers/{id}/resolution")
    String resolve(@PathVariable String id, @RequestParam(defaultValue = "false") boolean resultDigitised,
                   RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.resolved", () -> dossiers.resolve(id, resultDigitised));
    }

    @PostMapping("/dossiers/{id}/result-return")
    String returnResult(@PathVariable String id, RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.resultReturned", () -> dossiers.returnResult(id));
    }

    /** A late dossier: the apology with a new appointment; the letter to print is linked from the page. */
    @PostMapping("/dossiers/{id}/apology")
    String apologise(@PathVariable String id, @RequestParam String reason, @RequestParam(defaultValue = "0") int extraDays,
                     RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.apologised", () -> dossiers.apologise(id, reason, extraDays));
    }

    @PostMapping("/dossiers/{id}/stop")
    String stop(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.stopped", () -> dossiers.stop(id, reason));
    }

    /** The applicant asked, in writing, to withdraw the dossier. */
    @PostMapping("/dossiers/{id}/withdrawal")
    String withdraw(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return onRecord(id, redirect, "record.withdrawn", () -> dossiers.withdraw(id, reason));
    }

    /** Runs an action of the dossier's page and shows the page again, with what happened or why it was refused. */
    private String onRecord(String id, RedirectAttributes redirect, String notice, Runnable action) {
        return pages.run(redirect, "/dossiers/" + id, () -> {
            action.run();
            return message(notice);
        });
    }

    /** The desk's list, or the dossier's page when the action was taken there. */
    private static String backTo(String id, String back) {
        return "record".equals(back) ? "/dossiers/" + id : "/dossiers";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @GetMapping("/dossiers/{id}/supplied-files/{sha256}")
    ResponseEntity<FileSystemResource> suppliedFile(@PathVariable String id, @PathVariable String sha256) {
        return SuppliedFileDownloads.respond(dossiers.suppliedFile(id, sha256), ContentDisposition.inline());
    }

    @GetMapping("/dossiers/{id}/receipt")
    String receipt(@PathVariable String id, Model model) {
        DossierActions.Receipt receipt = dossiers.receipt(id);
        String lookupUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/dossiers/{code}")
                .buildAndExpand(receipt.dossier().trackingCode()).toUriString();
        model.addAttribute("dossier", receipt.dossier());
        model.addAttribute("agency", receipt.agency());
        model.addAttribute("desk", receipt.desk());
        model.addAttribute("lookupUrl", lookupUrl);
        model.addAttribute("qrCode", QrCodes.svg(lookupUrl));
        return "onestop/receipt";
    }

    @GetMapping("/dossiers/{id}/apology-letter")
    String apology(@PathVariable String id, Model model) {
        DossierActions.ApologyLetter letter = dossiers.apologyLetter(id);
        model.addAttribute("dossier", letter.dossier());
        model.addAttribute("apology", letter.apology());
        model.addAttribute("agency", letter.agency());
        return "onestop/apology";
    }
}
