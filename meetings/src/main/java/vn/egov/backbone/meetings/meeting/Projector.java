package vn.egov.backbone.meetings.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The room screen's content: the current agenda item, who speaks, the quorum, and the latest vote. */
public final class Projector {
    private Projector() {
    }

    public static Map<String, Object> of(MeetingRecord meeting, MeetingQueries queries) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", meeting.title());
        view.put("status", meeting.status());
        view.put("quorum", Map.of("present", meeting.presentSeats(), "seats", meeting.seats(),
                "reached", meeting.quorumReached()));
        view.put("currentItem", queries.agenda(meeting.id()).stream()
                .filter(item -> item.get("itemId").equals(meeting.currentItemId())).findFirst().orElse(null));
        view.put("speaker", queries.floor(meeting.id()).stream()
                .filter(f -> "SPEAKING".equals(f.get("state"))).findFirst().orElse(null));
        List<Map<String, Object>> votes = queries.votes(meeting.id());
        Map<String, Object> latest = votes.isEmpty() ? null : new LinkedHashMap<>(votes.get(votes.size() - 1));
        if (latest != null && Boolean.TRUE.equals(latest.get("open"))) {
            // The room sees that a vote is under way and how many voted, not the running count.
            latest.keySet().removeIf(key -> key.endsWith("Count") || key.endsWith("Percent"));
        }
        view.put("vote", latest);
        return view;
    }
}
