package vn.egov.backbone.meetings.room;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.shared.PageActions;
import vn.egov.backbone.core.shared.Text;
import vn.egov.backbone.meetings.conference.JoinActions;
import vn.egov.backbone.meetings.meeting.MeetingActions;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.api.PercentBase;
import vn.egov.backbone.meetings.meeting.api.Presence;
import vn.egov.backbone.meetings.meeting.api.SpeechKind;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;
import vn.egov.backbone.meetings.minutes.MinutesActions;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One meeting's page: the meeting room, with Jitsi embedded next to the paperless panel (agenda, documents,
 * attendance, speakers, votes, minutes), and its form actions. The list and the schedule form are
 * {@link MeetingListPageController}'s; what the hall shows on its own screens is {@link MeetingHallPageController}'s.
 */
@Controller
class MeetingPageController {
    private final MeetingActions actions;
    private final MeetingQueries queries;
    private final MinutesActions minutes;
    private final JoinActions joins;
    private final OfficialQueries officials;
    private final PageActions pages;
    private final MessageSource messages;

    MeetingPageController(MeetingActions actions, MeetingQueries queries, MinutesActions minutes, JoinActions joins,
                          OfficialQueries officials, PageActions pages, MessageSource messages) {
        this.actions = actions;
        this.queries = queries;
        this.minutes = minutes;
        this.joins = joins;
        this.officials = officials;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable String id, Model model,
                   @org.springframework.web.bind.annotation.RequestHeader(value = "X-Requested-With", required = false)
                   String requestedWith) {
        MeetingRecord meeting = actions.visible(id);
        String me = me();
        boolean runner = actions.isRunner(meeting);
        model.addAttribute("meeting", meeting);
        model.addAttribute("runner", runner);
        model.addAttribute("isChair", me.equals(meeting.chairId()));
        model.addAttribute("isSecretary", me.equals(meeting.secretaryId()));
        boolean member = queries.isMember(id, me);
        model.addAttribute("isMember", member);
        String mySeat = queries.seatOf(id, me).orElse(null);
        List<Map<String, Object>> seats = queries.seats(id);
        model.addAttribute("mySeat", mySeat);
        model.addAttribute("seats", seats);
        // A member who is not present votes by written opinion (phiếu lấy ý kiến).
        model.addAttribute("myPresence", seats.stream().filter(seat -> seat.get("seatId").equals(mySeat))
                .map(seat -> Presence.valueOf((String) seat.get("presence"))).findFirst().orElse(Presence.NOT_CHECKED_IN));
        model.addAttribute("agenda", queries.agenda(id));
        List<Map<String, Object>> documents = actions.documentsFor(meeting).stream().map(d -> {
            Map<String, Object> shown = new LinkedHashMap<>(d);
            shown.put("comments", queries.comments(id, (String) d.get("documentId")));
            return shown;
        }).toList();
        model.addAttribute("documents", documents);
        model.addAttribute("floor", queries.floor(id));
        model.addAttribute("votes", actions.votesFor(meeting)); // counts null where the official may not see them
        model.addAttribute("endpoints", queries.endpointBoard(id));
        model.addAttribute("choices", VoteChoice.values());
        model.addAttribute("speechKinds", SpeechKind.values());
        model.addAttribute("bases", PercentBase.values());
        // the runners' pickers (presenters, speakers), and an invitee's deputy before the meeting
        model.addAttribute("officials", runner || member && meeting.status() == vn.egov.backbone.meetings.meeting.api.MeetingStatus.SCHEDULED
                ? officials.people().stream().filter(person -> !person.id().equals(me)).toList() : List.of());
        model.addAttribute("video", video(meeting, me));
        if (runner) {
            model.addAttribute("checkInUrl", MeetingHallPageController.checkInUrl(meeting));
            // the rescheduling form starts from the meeting's own times, as the date fields show them
            java.time.format.DateTimeFormatter field = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                    .withZone(DisplayDates.VIETNAM);
            model.addAttribute("startsAtField", field.format(meeting.startsAt()));
            model.addAttribute("endsAtField", field.format(meeting.endsAt()));
        }
        // the signed minutes are checked (a PDF parsed, each signature verified) when the page is opened, not on each
        // of the live fetches that tablets make at every change of the meeting: the minutes are not a live part
        if (meeting.minutesApproved() && !"live".equals(requestedWith)) {
            MinutesActions.Signatures signatures = minutes.signatures(id);
            model.addAttribute("minutesSignatures", signatures);
            List<String> signedAs = signatures.recorded().stream()
                    .map(vn.egov.backbone.meetings.meeting.api.MeetingViews.MinutesSignature::signatory).toList();
            model.addAttribute("mayStillSign", (me.equals(meeting.secretaryId()) && !signedAs.contains("SECRETARY"))
                    || (me.equals(meeting.chairId()) && !signedAs.contains("CHAIR")));
        }
        return "meetings/meeting";
    }

    /** The video panel: the join for the IFrame API, or why there is none. */
    record VideoPanel(String message, JoinActions.Join join) {
    }

    private VideoPanel video(MeetingRecord meeting, String me) {
        if (!meeting.kind().usesVideo()) {
            return new VideoPanel(message("meetings.video.inPerson"), null);
        }
        if (!joins.configured()) {
            return new VideoPanel(message("meetings.video.notConfigured"), null);
        }
        try {
            return new VideoPanel(null, joins.forOfficial(meeting.id(), me));
        } catch (BusinessRuleViolation | org.springframework.security.access.AccessDeniedException e) {
            return new VideoPanel(pages.describe(e), null);
        }
    }

    // ---- form actions: post, redirect, get

    @PostMapping("/meetings/{id}/invitation")
    String answer(@PathVariable String id, @RequestParam boolean accept, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String deputyId, RedirectAttributes redirect) {
        if (deputyId != null && !deputyId.isBlank()) {
            // the seat is the deputy's now, and the meeting theirs to open: the invitee goes back to their meetings
            return pages.runAndGo(redirect, "/meetings/" + id, () -> {
                actions.delegate(id, deputyId);
                return new PageActions.Outcome(message("meetings.delegated"), "/meetings");
            });
        }
        return run(id, redirect, () -> {
            actions.respond(id, accept, Text.blankToNull(reason));
            return message(accept ? "meetings.accepted" : "meetings.declined");
        });
    }

    /**
     * The chair or secretary adds a document to the meeting: a file (the same checks as the API's upload), under an
     * agenda item or the whole meeting, shown to the members from a moment on if given.
     */
    @PostMapping("/meetings/{id}/documents")
    String upload(@PathVariable String id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String itemId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime visibleFrom,
                  RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            if (file.isEmpty()) {
                throw new vn.egov.backbone.core.shared.InvalidInput("file", vn.egov.backbone.meetings.meeting.MeetingError.FILE_REQUIRED);
            }
            try (java.io.InputStream in = file.getInputStream()) {
                actions.upload(id, in, file.getOriginalFilename(), Text.blankToNull(title), Text.blankToNull(itemId),
                        visibleFrom == null ? null : visibleFrom.atZone(DisplayDates.VIETNAM).toInstant());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return message("meetings.documentAdded");
        });
    }

    @PostMapping("/meetings/{id}/documents/{documentId}/comments")
    String comment(@PathVariable String id, @PathVariable String documentId, @RequestParam String text,
                   RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.comment(id, documentId, text);
            return message("meetings.commented");
        });
    }

    /** The secretary or the chair moves a meeting not yet begun; the invitees are told (the projection's notice). */
    @PostMapping("/meetings/{id}/rescheduling")
    String reschedule(@PathVariable String id,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                      @RequestParam(required = false) String location, @RequestParam String reason,
                      RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.reschedule(id, startsAt.atZone(DisplayDates.VIETNAM).toInstant(),
                    endsAt.atZone(DisplayDates.VIETNAM).toInstant(), Text.blankToNull(location), reason);
            return message("meetings.rescheduled");
        });
    }

    @PostMapping("/meetings/{id}/cancellation")
    String cancel(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.cancel(id, reason);
            return message("meetings.cancelled");
        });
    }

    @PostMapping("/meetings/{id}/start")
    String start(@PathVariable String id, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.start(id);
            return message("meetings.started");
        });
    }

    @PostMapping("/meetings/{id}/end")
    String end(@PathVariable String id, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.end(id);
            return message("meetings.ended");
        });
    }

    @PostMapping("/meetings/{id}/agenda")
    String addAgendaItem(@PathVariable String id, @RequestParam String title,
                         @RequestParam(required = false) String presenterId,
                         @RequestParam(required = false) Integer plannedMinutes, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.addAgendaItem(id, title, Text.blankToNull(presenterId), plannedMinutes);
            return message("meetings.itemAdded");
        });
    }

    /** The chair or secretary moves an item of the agenda up or down (to a place counted from 1). */
    @PostMapping("/meetings/{id}/agenda/{itemId}/position")
    String moveAgendaItem(@PathVariable String id, @PathVariable String itemId, @RequestParam int position,
                          RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.moveAgendaItem(id, itemId, position);
            return message("meetings.itemMoved");
        });
    }

    @PostMapping("/meetings/{id}/agenda/{itemId}/current")
    String takeUp(@PathVariable String id, @PathVariable String itemId, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.takeUp(id, itemId);
            return message("meetings.itemTakenUp");
        });
    }

    @PostMapping("/meetings/{id}/check-ins")
    String checkIn(@PathVariable String id, @RequestParam(required = false) String seatId,
                   @RequestParam(defaultValue = "IN_PERSON") Presence presence,
                   @RequestParam(required = false) String code, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.checkIn(id, Text.blankToNull(seatId), presence, code);
            return message("meetings.checkedIn");
        });
    }

    @PostMapping("/meetings/{id}/absences")
    String absent(@PathVariable String id, @RequestParam String seatId, @RequestParam String reason,
                  RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.markAbsent(id, seatId, reason);
            return message("meetings.markedAbsent");
        });
    }

    @PostMapping("/meetings/{id}/floor-requests")
    String requestFloor(@PathVariable String id, @RequestParam String itemId, @RequestParam SpeechKind kind,
                        @RequestParam(required = false) String seatId, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            // the chair or the secretary puts a delegate on the list; anyone else asks for their own seat
            actions.requestFloor(id, itemId, kind, seatId == null || seatId.isBlank() ? null : seatId);
            return message("meetings.floorRequested");
        });
    }

    @PostMapping("/meetings/{id}/floor-requests/{requestId}/floor")
    String giveFloor(@PathVariable String id, @PathVariable String requestId,
                     @RequestParam(required = false) Integer speakingMinutes, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.giveFloor(id, requestId, speakingMinutes == null ? null : speakingMinutes * 60);
            return message("meetings.floorGiven");
        });
    }

    @PostMapping("/meetings/{id}/floor-requests/{requestId}/end")
    String endSpeech(@PathVariable String id, @PathVariable String requestId, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.endSpeech(id, requestId);
            return message("meetings.speechEnded");
        });
    }

    @PostMapping("/meetings/{id}/floor-requests/{requestId}/withdrawal")
    String withdraw(@PathVariable String id, @PathVariable String requestId, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.withdrawFloorRequest(id, requestId);
            return message("meetings.floorWithdrawn");
        });
    }

    @PostMapping("/meetings/{id}/votes")
    String openVote(@PathVariable String id, @RequestParam String itemId, @RequestParam String question,
                    @RequestParam(defaultValue = "false") boolean secret,
                    @RequestParam(defaultValue = "PRESENT") PercentBase base, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.openVote(id, itemId, question, secret, base);
            return message("meetings.voteOpened");
        });
    }

    @PostMapping("/meetings/{id}/votes/{voteId}/ballots")
    String vote(@PathVariable String id, @PathVariable String voteId, @RequestParam VoteChoice choice,
                @RequestParam(defaultValue = "false") boolean writtenOpinion,
                @RequestParam(required = false) String seatId, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.vote(id, voteId, choice, writtenOpinion, Text.blankToNull(seatId));
            return message("meetings.voted");
        });
    }

    @PostMapping("/meetings/{id}/votes/{voteId}/closure")
    String closeVote(@PathVariable String id, @PathVariable String voteId, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.closeVote(id, voteId);
            return message("meetings.voteClosed");
        });
    }

    @PostMapping("/meetings/{id}/minutes")
    String minutes(@PathVariable String id, @RequestParam String text, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.draftMinutes(id, text);
            return message("meetings.minutesSaved");
        });
    }

    @PostMapping("/meetings/{id}/minutes/approval")
    String approveMinutes(@PathVariable String id, @RequestParam int version, RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.approveMinutes(id, version);
            return message("meetings.minutesApproved");
        });
    }

    @PostMapping("/meetings/{id}/conclusion")
    String conclude(@PathVariable String id, @RequestParam String subject, @RequestParam String body,
                    RedirectAttributes redirect) {
        return run(id, redirect, () -> {
            actions.issueConclusion(id, null, subject, body);
            return message("meetings.conclusionIssued");
        });
    }

    private String run(String id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        return pages.run(redirect, "/meetings/" + id, action);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }
}
