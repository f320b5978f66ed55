package vn.egov.backbone.eoffice.document;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.Text;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.api.Direction;
import vn.egov.backbone.eoffice.document.api.DocumentStatus;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.DocumentView;
import vn.egov.backbone.eoffice.document.api.Urgency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The lists of official correspondence: my work (inbox), the documents the official reads, the leader's overview
 * and the printable registers. One document's pages: {@link DocumentPageController}.
 */
@Controller
class DocumentListPageController {
    private final DocumentActions actions;
    private final DocumentQueries queries;
    private final Agencies agencies;
    private final UnitQueries units;
    private final OfficialQueries officials;
    private final Clock clock;

    DocumentListPageController(DocumentActions actions, DocumentQueries queries, Agencies agencies, UnitQueries units,
                               OfficialQueries officials, Clock clock) {
        this.actions = actions;
        this.queries = queries;
        this.agencies = agencies;
        this.units = units;
        this.officials = officials;
        this.clock = clock;
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }

    /**
     * My work: what is assigned to me by state, and the queues of what waits for my decision, each with
     * its count; a queue is shown to whoever holds the role that feeds it, or has something in it.
     */
    @GetMapping("/documents/inbox")
    String inbox(@RequestParam(defaultValue = "TODO") DocumentQueries.InboxTab tab,
                 @RequestParam(required = false) DocumentQueries.Queue queue, Model model) {
        String me = me();
        Map<String, Long> counts = queries.workCounts(me);
        boolean leads = queries.holdsInAnAgency(me, Role.LEADER);
        boolean keepsRegisters = queries.holdsInAnAgency(me, Role.RECORDS_CLERK);
        model.addAttribute("counts", counts);
        model.addAttribute("queues", java.util.Arrays.stream(DocumentQueries.Queue.values()).filter(q -> counts.get(q.name()) > 0
                || (leads && q == DocumentQueries.Queue.TO_ASSIGN)
                || (keepsRegisters && q == DocumentQueries.Queue.TO_ISSUE)).toList());
        model.addAttribute("queue", queue);
        model.addAttribute("queued", queue == null ? List.of() : queries.queue(me, queue));
        model.addAttribute("tab", queue == null ? tab : null);
        model.addAttribute("tabs", DocumentQueries.InboxTab.values());
        model.addAttribute("entries", queue == null ? queries.inbox(me, tab) : List.of());
        model.addAttribute("leader", leads);
        return "documents/inbox";
    }

    /** Rows on one page of the documents list. */
    static final int LIST_PAGE = 50;

    /**
     * The documents the official reads, narrowed as officials narrow a register (type, issuer, period, status,
     * urgency), in the order asked, a page at a time. A value the filters do not know (a hand-edited address)
     * shows the list unfiltered by it, as a search box would, rather than an error page.
     */
    @GetMapping("/documents")
    String list(@RequestParam(required = false) String direction, @RequestParam(required = false) String type,
                @RequestParam(required = false) String status, @RequestParam(required = false) String urgency,
                @RequestParam(required = false) String issuer,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String order, @RequestParam(defaultValue = "1") String page, Model model) {
        Direction shownDirection = known(Direction.class, direction);
        int pageNumber = Math.max(1, Math.min(10_000, parsedOr(page, 1)));
        DocumentQueries.Filter filter = new DocumentQueries.Filter(shownDirection, known(DocumentStatus.class, status), null,
                null, LIST_PAGE + 1, (pageNumber - 1) * LIST_PAGE, known(DocumentType.class, type),
                known(Urgency.class, urgency), Text.blankToNull(issuer), date(from), date(to),
                java.util.Objects.requireNonNullElse(known(DocumentQueries.Order.class, order), DocumentQueries.Order.RECENT));
        List<DocumentView> rows = queries.list(me(), filter);
        model.addAttribute("documents", rows.size() > LIST_PAGE ? rows.subList(0, LIST_PAGE) : rows);
        model.addAttribute("hasNext", rows.size() > LIST_PAGE);
        model.addAttribute("page", pageNumber);
        model.addAttribute("filter", filter);
        model.addAttribute("direction", shownDirection);
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("orders", DocumentQueries.Order.values());
        model.addAttribute("dueSoonBy", today().plusDays(DocumentQueries.DUE_SOON_DAYS));
        return "documents/list";
    }

    private static <E extends Enum<E>> E known(Class<E> kind, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(kind, value.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static int parsedOr(String value, int otherwise) {
        try {
            return Integer.parseInt(value.strip());
        } catch (RuntimeException notANumber) {
            return otherwise;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException notADate) {
            return null;
        }
    }

    /** The leader's overview: open and overdue work of the agency's documents, by department and official. */
    @GetMapping("/documents/overview")
    String overview(Model model) {
        List<DocumentQueries.OverdueCount> rows = actions.overview(null); // the leader's own agency, or 403
        model.addAttribute("agency", actions.actingAgency(null));
        model.addAttribute("rows", rows);
        return "documents/overview";
    }

    @GetMapping("/registers")
    String registers(@RequestParam(required = false) String agencyId, @RequestParam(required = false) Integer year,
                     @RequestParam(defaultValue = "INCOMING") Direction direction, Model model) {
        List<UnitView> agencyChoices = units.list(false).stream()
                .filter(u -> u.kind() == UnitKind.AGENCY || u.kind() == UnitKind.PEOPLES_COMMITTEE).toList();
        String agency = agencyId;
        if (agency == null) {
            OfficialView official = officials.find(me()).orElse(null);
            agency = official == null || official.unitId() == null ? null
                    : agencies.agencyIdOf(official.unitId()).orElse(null);
        }
        int registerYear = year == null ? today().getYear() : year;
        model.addAttribute("agencies", agencyChoices);
        model.addAttribute("agencyId", agency);
        model.addAttribute("agencyName", agencyChoices.stream().filter(a -> a.id().equals(agencyId == null ? "" : agencyId))
                .map(UnitView::name).findFirst().orElse(agency == null ? "" : units.find(agency).map(UnitView::name).orElse("")));
        model.addAttribute("year", registerYear);
        model.addAttribute("direction", direction);
        model.addAttribute("entries", agency == null ? List.of() : queries.register(me(), agency, direction, registerYear));
        return "documents/registers";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DisplayDates.VIETNAM));
    }
}
