package vn.egov.backbone.meetings.room;

import vn.egov.backbone.meetings.meeting.api.MeetingViews.EndpointState;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.QrCodes;
import vn.egov.backbone.meetings.conference.JitsiServices;
import vn.egov.backbone.meetings.meeting.MeetingActions;
import vn.egov.backbone.meetings.meeting.MeetingQueries;
import vn.egov.backbone.meetings.meeting.MeetingRecord;
import vn.egov.backbone.meetings.meeting.Projector;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What the meeting hall shows on its own screens: the room's check-in QR code and the page it opens on a
 * member's tablet, the projector view for the room screen, and the endpoint board the technician on duty
 * watches.
 */
@Controller
class MeetingHallPageController {
    private final MeetingActions actions;
    private final MeetingQueries queries;
    private final JitsiServices jitsiServices;
    private final Clock clock;

    MeetingHallPageController(MeetingActions actions, MeetingQueries queries, JitsiServices jitsiServices, Clock clock) {
        this.actions = actions;
        this.queries = queries;
        this.jitsiServices = jitsiServices;
        this.clock = clock;
    }

    /** The address the room's QR code opens, with the meeting's check-in code. */
    static String checkInUrl(MeetingRecord meeting) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/meetings/{id}/check-in")
                .queryParam("code", meeting.checkInCode()).buildAndExpand(meeting.id()).toUriString();
    }

    @GetMapping(path = "/meetings/{id}/check-in-qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> checkInQr(@PathVariable String id) {
        MeetingRecord meeting = actions.run(id); // the code lets anyone who sees it check in: for the runners' screen only
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(QrCodes.svg(checkInUrl(meeting)));
    }

    /** What a member's tablet opens from the room's QR code: one button to say they are here. */
    @GetMapping("/meetings/{id}/check-in")
    String checkInPage(@PathVariable String id, @RequestParam(required = false) String code, Model model) {
        model.addAttribute("meeting", actions.visible(id));
        model.addAttribute("code", code);
        model.addAttribute("mySeat", queries.seatOf(id, me()).orElse(null));
        return "meetings/check-in";
    }

    @GetMapping("/meetings/{id}/projector")
    String projector(@PathVariable String id, Model model) {
        MeetingRecord meeting = actions.visible(id);
        Map<String, Object> screen = Projector.of(meeting, queries);
        model.addAttribute("meeting", meeting);
        model.addAttribute("currentItem", screen.get("currentItem"));
        @SuppressWarnings("unchecked")
        Map<String, Object> speaker = (Map<String, Object>) screen.get("speaker");
        model.addAttribute("speaker", speaker);
        Long left = speakingLeft(speaker);
        model.addAttribute("speakingLeft", left == null ? null
                : (left < 0 ? "-" : "") + String.format("%02d:%02d", Math.abs(left) / 60, Math.abs(left) % 60));
        model.addAttribute("speakingLeftSeconds", left);
        model.addAttribute("vote", screen.get("vote"));
        return "meetings/projector";
    }

    /**
     * The speaker's seconds left, if their time is limited; the screen shows {@code 02:15}, or {@code -00:20} when
     * over, and counts down by itself between changes (live.js).
     */
    private Long speakingLeft(Map<String, Object> speaker) {
        if (speaker == null || !(speaker.get("speakingSeconds") instanceof Number limit) || limit.intValue() == 0
                || !(speaker.get("startedAt") instanceof java.time.Instant started)) {
            return null;
        }
        return limit.longValue() - java.time.Duration.between(started, clock.instant()).toSeconds();
    }

    @GetMapping("/meetings/{id}/endpoints")
    String endpoints(@PathVariable String id, Model model) {
        model.addAttribute("meeting", actions.visible(id));
        List<EndpointState> board = queries.endpointBoard(id);
        model.addAttribute("endpoints", board);
        model.addAttribute("connected", board.stream().filter(e -> e.connections() > 0).count());
        model.addAttribute("neverJoined", board.stream().filter(e -> e.firstJoinedAt() == null).count());
        // The technician on duty watches the halls and Jitsi's own services on the same page.
        model.addAttribute("services", jitsiServices.health().stream().filter(JitsiServices.Health::configured).toList());
        return "meetings/endpoints";
    }

    private static String me() {
        return Authorizer.currentPrincipal().officialId();
    }
}
