package vn.egov.backbone.eoffice.workfile;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.shared.Text;
import vn.egov.backbone.eoffice.document.DocumentActions;
import vn.egov.backbone.eoffice.document.DocumentQueries;
import vn.egov.backbone.eoffice.document.api.DocumentView;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agency's work files on pages: the year's list with the form to open one, and a file with its
 * documents, the agency's documents that may still be filed into it, and the steps that follow
 * (close, transfer to the archive, destroy; {@link WorkFileActions} checks who may).
 */
@Controller
class WorkFilePageController {
    private final WorkFileActions workFiles;
    private final DocumentActions documents;
    private final DocumentQueries queries;
    private final PageActions pages;
    private final MessageSource messages;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    WorkFilePageController(WorkFileActions workFiles, DocumentActions documents, DocumentQueries queries, PageActions pages,
                           MessageSource messages, ReadYourWrites readYourWrites, Clock clock) {
        this.workFiles = workFiles;
        this.documents = documents;
        this.queries = queries;
        this.pages = pages;
        this.messages = messages;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping("/work-files")
    String list(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock.withZone(DisplayDates.VIETNAM)).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("agency", documents.actingAgency(null));
        model.addAttribute("files", workFiles.list(null, shown));
        return "work-files/list";
    }

    /** A refused work file (its code taken, its title too long…) comes back as typed (422), with the reason. */
    @PostMapping("/work-files")
    String open(@RequestParam String code, @RequestParam String title, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer retentionYears, RedirectAttributes redirect, Model model,
                jakarta.servlet.http.HttpServletResponse response) {
        return pages.runOrShowForm(redirect, model, response, () -> {
            String id = workFiles.open(null, year, Text.blankToNull(code), Text.blankToNull(title), retentionYears);
            return new PageActions.Outcome(message("workfiles.opened", code), "/work-files/" + id);
        }, () -> list(year, model));
    }

    @GetMapping("/work-files/{id}")
    String file(@PathVariable String id, Model model) {
        // show the official's own last step, not the state just before it
        readYourWrites.await(id, () -> workFiles.version(id), Duration.ofSeconds(3));
        WorkFileActions.Contents contents = workFiles.get(id);
        model.addAttribute("file", contents.file());
        model.addAttribute("documents", contents.documents());
        if ("OPEN".equals(contents.file().status())) {
            // what may still be filed: the agency's documents of the file's year the official can read
            Set<String> filed = contents.documents().stream().map(DocumentView::id).collect(Collectors.toSet());
            List<DocumentView> candidates = queries.list(Authorizer.currentPrincipal().officialId(),
                            new DocumentQueries.Filter(null, null, contents.file().agencyId(),
                                    contents.file().listYear(), 200, 0))
                    .stream().filter(d -> !filed.contains(d.id())).toList();
            model.addAttribute("candidates", candidates);
        }
        return "work-files/file";
    }

    @PostMapping("/work-files/{id}/documents")
    String fileDocument(@PathVariable String id, @RequestParam String documentId, RedirectAttributes redirect) {
        return pages.run(redirect, "/work-files/" + id, () -> {
            workFiles.fileDocument(id, documentId);
            return message("workfiles.filed");
        });
    }

    @PostMapping("/work-files/{id}/documents/{documentId}/removal")
    String unfileDocument(@PathVariable String id, @PathVariable String documentId, RedirectAttributes redirect) {
        return pages.run(redirect, "/work-files/" + id, () -> {
            workFiles.unfileDocument(id, documentId);
            return message("workfiles.unfiled");
        });
    }

    @PostMapping("/work-files/{id}/closure")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        return pages.run(redirect, "/work-files/" + id, () -> {
            workFiles.close(id);
            return message("workfiles.closed");
        });
    }

    @PostMapping("/work-files/{id}/archive-transfer")
    String archive(@PathVariable String id, RedirectAttributes redirect) {
        return pages.run(redirect, "/work-files/" + id, () -> {
            workFiles.transferToArchive(id);
            return message("workfiles.archived");
        });
    }

    @PostMapping("/work-files/{id}/destruction")
    String destroy(@PathVariable String id, @RequestParam String decision, RedirectAttributes redirect) {
        return pages.run(redirect, "/work-files/" + id, () -> {
            workFiles.destroy(id, Text.blankToNull(decision));
            return message("workfiles.destroyed");
        });
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
