package vn.egov.backbone.meetings.room;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.meetings.meeting.MeetingActions;

/**
 * The meeting page's live channel ({@code /meetings/{id}/live}, server-sent events): "changed" with the
 * meeting's version whenever its read model moves. Only for those who may open the meeting (404 otherwise); at
 * most {@link MeetingLiveFeed#MAX_CONNECTIONS_PER_OFFICIAL} at a time for one official on a node (429).
 */
@RestController
class MeetingLiveController {
    private final MeetingActions actions;
    private final MeetingLiveFeed feed;

    MeetingLiveController(MeetingActions actions, MeetingLiveFeed feed) {
        this.actions = actions;
        this.feed = feed;
    }

    @GetMapping(path = "/meetings/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> live(@PathVariable String id,
                                    @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        actions.visible(id);
        MeetingLiveFeed.Watch watch = feed.watch(id, lastSeen(lastEventId), Authorizer.currentPrincipal().officialId());
        if (watch.refused() != null) {
            // a browser's EventSource gives up on any answer but 200; the page's script (live.js) opens a new one
            // after a pause
            return ResponseEntity.status(watch.refused()).header("Retry-After", "30").build();
        }
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(watch.emitter());
    }

    private static long lastSeen(String lastEventId) {
        if (lastEventId == null || !lastEventId.strip().matches("\\d{1,18}")) {
            return -1;
        }
        return Long.parseLong(lastEventId.strip());
    }
}
