package vn.egov.backbone.eoffice.document;

import vn.egov.backbone.eoffice.outgoing.OutgoingError;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.Text;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pages of official correspondence that work on one document: registration and drafting forms, the document
 * page with its timeline and the actions open to the viewer. Writes go through {@link DocumentActions}, like the
 * API. The lists (my work, the documents, the overview, the registers): {@link DocumentListPageController}.
 */
@Controller
class DocumentPageController {
    private final DocumentActions actions;
    private final DocumentQueries queries;
    private final DocumentHistoryQueries history;
    private final UnitQueries units;
    private final PageActions pages;
    private final MessageSource messages;
    private final Clock clock;
    private final ReadYourWrites readYourWrites;

    DocumentPageController(DocumentActions actions, DocumentQueries queries, DocumentHistoryQueries history, UnitQueries units,
                           PageActions pages, MessageSource messages, Clock clock, ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.actions = actions;
        this.queries = queries;
        this.history = history;
        this.units = units;
        this.pages = pages;
        this.messages = messages;
        this.clock = clock;
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    @GetMapping("/documents/incoming/new")
    String registrationForm(Model model) {
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("today", today());
        return "documents/register";
    }

    /** What the clerk typed into the registration form, shown again when the registration is refused. */
    record IncomingForm(String number, String issuer, LocalDate issuedOn, DocumentType type, String subject, String body,
                        Urgency urgency, Classification classification, LocalDate dueOn, Integer pageCount) {
    }

    /**
     * Registers an incoming document. A refusal shows the form again with everything the clerk typed and
     * the reason next to the field it concerns (422), instead of an empty form.
     */
    @PostMapping("/documents/incoming")
    String register(@RequestParam String number, @RequestParam String issuer, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                    @RequestParam DocumentType type, @RequestParam String subject,
                    @RequestParam(required = false) String body, @RequestParam(defaultValue = "NORMAL") Urgency urgency,
                    @RequestParam(defaultValue = "NONE") Classification classification,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, @RequestParam(required = false) Integer pageCount,
                    @RequestParam(name = "files", required = false) List<MultipartFile> files,
                    RedirectAttributes redirect, Model model, jakarta.servlet.http.HttpServletResponse response) {
        try {
            var registration = actions.registerIncoming(new IncomingDetails(number, issuer, issuedOn, type, subject,
                    Text.blankToNull(body), urgency, classification, dueOn, pageCount), null);
            redirect.addFlashAttribute("notice", message("documents.registered", registration.registerNumber()));
            attachAll(registration.documentId(), files, "documents.filesRefused", redirect);
            return "redirect:/documents/" + registration.documentId();
        } catch (IllegalArgumentException | vn.egov.backbone.core.shared.BusinessRuleViolation
                 | vn.egov.backbone.core.shared.NotFound | org.springframework.security.access.AccessDeniedException refused) {
            response.setStatus(422);
            model.addAttribute("form", new IncomingForm(number, issuer, issuedOn, type, subject, body, urgency,
                    classification, dueOn, pageCount));
            model.addAttribute("formError", pages.describe(refused));
            model.addAttribute("formErrorField",
                    refused instanceof vn.egov.backbone.core.shared.InvalidInput invalid ? invalid.field() : null);
            return registrationForm(model);
        }
    }

    /**
     * The files sent with a form (the scanned document and its annexes, a draft's text and appendices), attached
     * once the document exists. A refused file does not undo the document: its page says which one and why.
     */
    private void attachAll(String documentId, List<MultipartFile> files, String refusedKey, RedirectAttributes redirect) {
        List<String> refused = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                actions.attach(documentId, in, file.getOriginalFilename());
            } catch (IOException | IllegalArgumentException | vn.egov.backbone.core.shared.BusinessRuleViolation e) {
                refused.add(file.getOriginalFilename() + ": " + (e instanceof RuntimeException r ? pages.describe(r) : e.getMessage()));
            }
        }
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("error", message(refusedKey, String.join("; ", refused)));
        }
    }

    /** What the drafter typed into the drafting form, shown again when the draft is refused. */
    record DraftForm(DocumentType type, String subject, String body, List<String> internalRecipients,
                     String externalRecipients, Urgency urgency, Classification classification) {
    }

    /** The drafting form; with {@code replaces}, a draft that replaces that issued document when it is issued. */
    @GetMapping("/documents/outgoing/new")
    String draftForm(@RequestParam(required = false) String replaces, Model model) {
        if (replaces != null && !replaces.isBlank()) {
            DocumentView replacing = actions.readable(replaces);
            model.addAttribute("replacing", replacing);
            model.addAttribute("form", new DraftForm(replacing.type(), replacing.subject(), replacing.body(), List.of(),
                    null, replacing.urgency(), replacing.classification()));
        }
        return draftPage(model);
    }

    private String draftPage(Model model) {
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("agencies", units.list(false).stream()
                .filter(u -> u.kind() == UnitKind.AGENCY || u.kind() == UnitKind.PEOPLES_COMMITTEE).toList());
        return "documents/draft";
    }

    /**
     * Saves a draft, with its files. A refusal shows the form again (422) with everything the drafter typed and
     * the reason next to its field, as the registration form does.
     */
    @PostMapping("/documents/outgoing")
    String draft(@RequestParam DocumentType type, @RequestParam String subject, @RequestParam(required = false) String body,
                 @RequestParam(required = false) List<String> internalRecipients,
                 @RequestParam(required = false) String externalRecipients,
                 @RequestParam(defaultValue = "NORMAL") Urgency urgency,
                 @RequestParam(defaultValue = "NONE") Classification classification,
                 @RequestParam(required = false) String replacesDocumentId,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files,
                 RedirectAttributes redirect, Model model, jakarta.servlet.http.HttpServletResponse response) {
        List<String> internal = internalRecipients == null ? List.of() : internalRecipients;
        try {
            List<String> external = externalRecipients == null ? List.of()
                    : Arrays.stream(externalRecipients.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            String id = actions.draft(new DraftContent(type, subject, Text.blankToNull(body), internal, external, urgency,
                    classification, null, Text.blankToNull(replacesDocumentId)), null);
            redirect.addFlashAttribute("notice", message("documents.drafted"));
            attachAll(id, files, "documents.draftFilesRefused", redirect);
            return "redirect:/documents/" + id;
        } catch (IllegalArgumentException | vn.egov.backbone.core.shared.BusinessRuleViolation
                 | vn.egov.backbone.core.shared.NotFound | org.springframework.security.access.AccessDeniedException refused) {
            response.setStatus(422);
            if (replacesDocumentId != null && !replacesDocumentId.isBlank()) {
                model.addAttribute("replacing", actions.readable(replacesDocumentId));
            }
            model.addAttribute("form", new DraftForm(type, subject, body, internal, externalRecipients, urgency, classification));
            model.addAttribute("formError", pages.describe(refused));
            model.addAttribute("formErrorField",
                    refused instanceof vn.egov.backbone.core.shared.InvalidInput invalid ? invalid.field() : null);
            return draftPage(model);
        }
    }

    @GetMapping("/documents/{id}")
    String document(@PathVariable String id, Model model) {
        // Show the official's own last change, not the state just before it.
        readYourWrites.await(id, () -> queries.find(id).map(DocumentView::version), Duration.ofSeconds(3));
        DocumentView document = actions.readable(id);
        model.addAttribute("doc", document);
        model.addAttribute("history", history.of(id));
        model.addAttribute("attachments", queries.attachments(id));
        model.addAttribute("deliveries", queries.deliveries(id));
        boolean incoming = document.direction() == Direction.INCOMING;
        model.addAttribute("recipients", incoming ? null : history.recipients(id));
        DocumentActions.Allowed allowed = actions.allowedOn(document);
        model.addAttribute("canAssign", allowed.assign());
        model.addAttribute("canReturn", allowed.returnToSender());
        model.addAttribute("canProcess", allowed.process());
        DocumentActions.Choices choices = actions.choicesOn(document, allowed);
        if (allowed.process()) {
            model.addAttribute("forwardTo", choices.forwardTo());
        }
        model.addAttribute("canAttach", allowed.attach());
        model.addAttribute("canSubmit", allowed.submit());
        model.addAttribute("canApprove", allowed.approve());
        model.addAttribute("canReview", allowed.review());
        model.addAttribute("canIssue", allowed.issue());
        model.addAttribute("canRecall", allowed.recall());
        model.addAttribute("canDraftReplacement", allowed.draftReplacement());
        model.addAttribute("canSign", allowed.sign());
        model.addAttribute("canSeal", allowed.seal());
        if (incoming) {
            model.addAttribute("assignees", choices.assignees());
        } else {
            model.addAttribute("leaders", actions.leadersOf(document.agencyId()));
            model.addAttribute("colleagues", choices.colleagues());
        }
        model.addAttribute("today", today());
        return "documents/document";
    }

    @PostMapping("/documents/{id}/assign")
    String assign(@PathVariable String id, @RequestParam String lead, @RequestParam(required = false) List<String> cooperating,
                  @RequestParam(required = false) String instruction, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                  RedirectAttributes redirect) {
        List<Assignee> cooperatingAssignees = cooperating == null ? List.of()
                : cooperating.stream().map(DocumentPageController::assignee).toList();
        return act(redirect, id, () -> actions.assign(id, Text.blankToNull(instruction), assignee(lead),
                cooperatingAssignees, List.of(), deadline));
    }

    @PostMapping("/documents/{id}/progress")
    String progress(@PathVariable String id, @RequestParam String note, RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.recordProgress(id, note));
    }

    @PostMapping("/documents/{id}/forward")
    String forward(@PathVariable String id, @RequestParam String toOfficialId, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.forward(id, toOfficialId, Text.blankToNull(note)));
    }

    @PostMapping("/documents/{id}/complete")
    String complete(@PathVariable String id, @RequestParam String result, RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.complete(id, result, null));
    }

    @PostMapping("/documents/{id}/return")
    String returnToSender(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.returnToSender(id, reason));
    }

    @PostMapping("/documents/{id}/submit")
    String submit(@PathVariable String id, @RequestParam String approverId,
                  @RequestParam(required = false) String reviewerId, RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.submit(id, Text.blankToNull(reviewerId), approverId));
    }

    @PostMapping("/documents/{id}/revise")
    String revise(@PathVariable String id, @RequestParam String subject, @RequestParam(required = false) String body,
                  RedirectAttributes redirect) {
        return pages.run(redirect, "/documents/" + id, () -> {
            actions.readable(id);
            DraftContent current = history.currentDraft(id)
                    .orElseThrow(() -> new InvalidInput(null, OutgoingError.NOT_A_DRAFT));
            actions.revise(id, new DraftContent(current.type(), subject, Text.blankToNull(body),
                    current.internalRecipients(), current.externalRecipients(), current.urgency(),
                    current.classification(), current.dueOn(), current.replacesDocumentId()));
            return message("documents.done");
        });
    }

    @PostMapping("/documents/{id}/review")
    String review(@PathVariable String id, @RequestParam boolean accepted, @RequestParam(required = false) String comment,
                  RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.review(id, accepted, Text.blankToNull(comment)));
    }

    @PostMapping("/documents/{id}/draft-return")
    String returnDraft(@PathVariable String id, @RequestParam String comment, RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.returnDraft(id, comment));
    }

    @PostMapping("/documents/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.approve(id, Text.blankToNull(comment)));
    }

    @PostMapping("/documents/{id}/issue")
    String issue(@PathVariable String id, RedirectAttributes redirect) {
        return pages.run(redirect, "/documents/" + id, () -> message("documents.issued", actions.issue(id).notation()));
    }

    @PostMapping("/documents/{id}/recall")
    String recall(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return act(redirect, id, () -> actions.recall(id, reason));
    }

    @PostMapping("/documents/{id}/attachments")
    String attach(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return pages.run(redirect, "/documents/" + id, () -> {
            try (InputStream in = file.getInputStream()) {
                return actions.attach(id, in, file.getOriginalFilename()).fileName();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Assignee assignee(String choice) {
        int colon = choice == null ? -1 : choice.indexOf(':');
        if (colon < 0) {
            throw new InvalidInput("lead", DocumentError.LEAD_CHOICE_REQUIRED);
        }
        return new Assignee(Assignee.Kind.valueOf(choice.substring(0, colon)), choice.substring(colon + 1));
    }

    /** Runs a form action on a document and shows its page again, with "updated" or the reason it was refused. */
    private String act(RedirectAttributes redirect, String id, Runnable action) {
        return pages.run(redirect, "/documents/" + id, () -> {
            action.run();
            return message("documents.done");
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DisplayDates.VIETNAM));
    }


}
