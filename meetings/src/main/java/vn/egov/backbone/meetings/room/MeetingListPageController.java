package vn.egov.backbone.meetings.room;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.shared.Text;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.meetings.meeting.MeetingActions;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.api.MeetingKind;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The meetings' list — the official's meetings of the last seven days on, their invitations' notices — and, for
 * the leaders and meeting secretaries of a unit, the form that schedules one. One meeting's pages are
 * {@link MeetingPageController}'s.
 */
@Controller
class MeetingListPageController {
    private final MeetingActions actions;
    private final MeetingQueries queries;
    private final OfficialQueries officials;
    private final UnitQueries units;
    private final PageActions pages;
    private final MessageSource messages;
    private final Clock clock;

    MeetingListPageController(MeetingActions actions, MeetingQueries queries, OfficialQueries officials,
                              UnitQueries units, PageActions pages, MessageSource messages, Clock clock) {
        this.actions = actions;
        this.queries = queries;
        this.officials = officials;
        this.units = units;
        this.pages = pages;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    String list(Model model) {
        String me = me();
        List<UnitView> hosts = organisedUnits(me);
        List<MeetingRecord> meetings = queries.mine(me, hosts.stream().map(UnitView::id).toList(),
                clock.instant().minusSeconds(7 * 86400));
        model.addAttribute("meetings", meetings);
        model.addAttribute("notifications", queries.notifications(me, 10));
        model.addAttribute("hosts", hosts);
        if (!hosts.isEmpty()) {
            model.addAttribute("officials", officials.people());
            model.addAttribute("me", me);
            model.addAttribute("endpointUnits", units.list(false).stream()
                    .filter(u -> u.kind().administrative() || u.kind() == UnitKind.AGENCY).toList());
            model.addAttribute("kinds", MeetingKind.values());
        }
        model.addAttribute("names", chairNames(meetings));
        return "meetings/list";
    }

    /**
     * A meeting scheduled from the list's form; a refused one (its end before its start, a place too long, an
     * invitee not cleared…) comes back as typed (422), with the reason — before, the redirect lost the title, the
     * times and every invitee picked.
     */
    @PostMapping("/meetings")
    String schedule(@RequestParam String title, @RequestParam MeetingKind kind, @RequestParam String hostUnitId,
                    @RequestParam String chairId, @RequestParam String secretaryId,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                    @RequestParam(required = false) String location,
                    @RequestParam(required = false) List<String> inviteeIds,
                    @RequestParam(required = false) List<String> endpointUnitIds,
                    @RequestParam(required = false) List<UnitKind> endpointKinds, Model model,
                    RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        return pages.runOrShowForm(redirect, model, response, () -> {
            String id = actions.schedule(new MeetingActions.Schedule(title, kind, chairId, hostUnitId,
                    startsAt.atZone(DisplayDates.VIETNAM).toInstant(), endsAt.atZone(DisplayDates.VIETNAM).toInstant(),
                    Text.blankToNull(location), endpointUnitIds, endpointKinds, inviteeIds, secretaryId, null));
            return new PageActions.Outcome(message("meetings.scheduled"), "/meetings/" + id);
        }, () -> list(model));
    }

    /** The units where the official leads or runs meetings: the hosts they may schedule for. */
    private List<UnitView> organisedUnits(String me) {
        return officials.roles(me).stream()
                .filter(r -> r.unitId() != null && r.validAt(clock.instant()))
                .filter(r -> r.role() == Role.LEADER || r.role() == Role.MEETING_SECRETARY)
                .map(r -> units.find(r.unitId()).orElse(null)).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The chairs' names, for the list of meetings. */
    private Map<String, String> chairNames(List<MeetingRecord> meetings) {
        return meetings.stream().map(MeetingRecord::chairId).distinct()
                .flatMap(id -> officials.find(id).stream())
                .collect(Collectors.toMap(OfficialView::id, OfficialView::fullName));
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }
}
