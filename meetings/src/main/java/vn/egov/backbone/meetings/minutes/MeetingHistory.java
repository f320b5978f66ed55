package vn.egov.backbone.meetings.minutes;

import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.*;
import vn.egov.backbone.meetings.meeting.api.PercentBase;
import vn.egov.backbone.meetings.meeting.api.Presence;
import vn.egov.backbone.meetings.meeting.api.SpeechKind;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;
import vn.egov.backbone.meetings.meeting.api.VoteResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the minutes say, folded from the meeting's own events in the order they happened: who was invited and
 * who came (in person or online, and when, as the check-in recorded it), who was absent and why, who sat in
 * for whom, the agenda in its final order, the documents, who spoke on which item and for how long, each vote
 * with its result (and, in named votes, who chose what), the conclusions asked for, and when the meeting began
 * and ended. Events it does not use are passed over, so a newer event type never stops a draft.
 */
final class MeetingHistory {
    MeetingDetails details;
    Instant startedAt;
    Instant endedAt;
    final Map<String, Seat> seats = new LinkedHashMap<>();
    final List<Item> agenda = new ArrayList<>();
    final List<Document> documents = new ArrayList<>();
    final Map<String, Speech> speeches = new LinkedHashMap<>();
    final Map<String, Vote> votes = new LinkedHashMap<>();
    final List<Conclusion> conclusions = new ArrayList<>();

    static final class Seat {
        final String memberId;
        String deputyId;
        String declinedBecause;
        Presence presence = Presence.NOT_CHECKED_IN;
        String attendeeId;
        Instant checkedInAt;
        String absentBecause;

        Seat(String memberId) {
            this.memberId = memberId;
        }
    }

    record Item(String itemId, String title, String presenterId, int plannedMinutes) {
    }

    record Document(String itemId, String title) {
    }

    static final class Speech {
        final String itemId;
        final String speakerId;
        final SpeechKind kind;
        boolean given;
        Long spokeSeconds;

        Speech(String itemId, String speakerId, SpeechKind kind) {
            this.itemId = itemId;
            this.speakerId = speakerId;
            this.kind = kind;
        }
    }

    static final class Vote {
        final String itemId;
        final String question;
        final boolean secret;
        final PercentBase base;
        /** In named votes, each voter's choice in the order cast; in secret votes only who voted. */
        final Map<String, VoteChoice> choices = new LinkedHashMap<>();
        final List<String> writtenOpinions = new ArrayList<>();
        VoteResult result;

        Vote(String itemId, String question, boolean secret, PercentBase base) {
            this.itemId = itemId;
            this.question = question;
            this.secret = secret;
            this.base = base;
        }
    }

    record Conclusion(String subject, String body) {
    }

    /** Folds the meeting's events, oldest first. */
    static MeetingHistory of(List<?> payloads) {
        MeetingHistory history = new MeetingHistory();
        for (Object payload : payloads) {
            history.apply(payload);
        }
        return history;
    }

    private void apply(Object event) {
        switch (event) {
            case MeetingScheduled e -> {
                details = e.details();
                seat(e.details().chairId());
                e.details().inviteeIds().forEach(this::seat);
            }
            case MeetingRescheduled e -> details = new MeetingDetails(details.title(), details.kind(), details.chairId(),
                    details.hostUnitId(), e.startsAt(), e.endsAt(), e.location() == null ? details.location() : e.location(),
                    details.endpointUnitIds(), details.inviteeIds(), details.secretaryId(), details.quorumPercent());
            case InvitationDeclined e -> seat(e.seatId()).declinedBecause = e.reason();
            case SeatDelegated e -> seat(e.seatId()).deputyId = e.deputyId();
            case AgendaItemAdded e -> agenda.add(Math.clamp(e.position() - 1, 0, agenda.size()),
                    new Item(e.itemId(), e.title(), e.presenterId(), e.plannedMinutes()));
            case AgendaItemMoved e -> agenda.stream().filter(item -> item.itemId().equals(e.itemId())).findFirst()
                    .ifPresent(item -> {
                        agenda.remove(item);
                        agenda.add(Math.clamp(e.position() - 1, 0, agenda.size()), item);
                    });
            case MeetingDocumentAttached e -> documents.add(new Document(e.itemId(), e.title()));
            case MeetingStarted e -> startedAt = e.at();
            case MeetingEnded e -> endedAt = e.at();
            case ParticipantCheckedIn e -> {
                Seat seat = seat(e.seatId());
                seat.presence = e.presence();
                seat.attendeeId = e.attendeeId();
                seat.checkedInAt = e.at();
            }
            case ParticipantMarkedAbsent e -> {
                Seat seat = seat(e.seatId());
                seat.presence = Presence.ABSENT;
                seat.absentBecause = e.reason();
            }
            case FloorRequested e -> speeches.put(e.requestId(), new Speech(e.itemId(), e.speakerId(), e.kind()));
            case FloorRequestWithdrawn e -> speeches.remove(e.requestId());
            case FloorGiven e -> {
                Speech speech = speeches.get(e.requestId());
                if (speech != null) {
                    speech.given = true;
                }
            }
            case SpeechEnded e -> {
                Speech speech = speeches.get(e.requestId());
                if (speech != null) {
                    speech.spokeSeconds = e.spokeSeconds();
                }
            }
            case VoteOpened e -> votes.put(e.voteId(), new Vote(e.itemId(), e.question(), e.secret(), e.base()));
            case VoteCast e -> {
                Vote vote = votes.get(e.voteId());
                if (vote != null) {
                    vote.choices.put(e.voterId(), vote.secret ? null : e.choice());
                    if (e.writtenOpinion()) {
                        vote.writtenOpinions.add(e.voterId());
                    }
                }
            }
            case VoteClosed e -> {
                Vote vote = votes.get(e.voteId());
                if (vote != null) {
                    vote.result = e.result();
                }
            }
            case ConclusionNoticeRequested e -> conclusions.add(new Conclusion(e.subject(), e.body()));
            default -> {
                // not something the minutes record (invitations accepted, comments, rooms, recordings, the minutes)
            }
        }
    }

    private Seat seat(String memberId) {
        return seats.computeIfAbsent(memberId, Seat::new);
    }

    /** Everyone the minutes name, to look their names up at once. */
    List<String> people() {
        List<String> ids = new ArrayList<>();
        if (details != null) {
            ids.add(details.chairId());
            ids.add(details.secretaryId());
        }
        seats.values().forEach(seat -> {
            ids.add(seat.memberId);
            ids.add(seat.deputyId);
            ids.add(seat.attendeeId);
        });
        agenda.forEach(item -> ids.add(item.presenterId()));
        speeches.values().forEach(speech -> ids.add(speech.speakerId));
        votes.values().forEach(vote -> ids.addAll(vote.choices.keySet()));
        ids.removeIf(java.util.Objects::isNull);
        return ids.stream().distinct().toList();
    }
}
