package vn.egov.backbone.meetings.meeting;

import vn.egov.backbone.core.shared.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.eoffice.attachment.AttachmentStore;
import vn.egov.backbone.meetings.meeting.api.PercentBase;
import vn.egov.backbone.meetings.meeting.api.Presence;
import vn.egov.backbone.meetings.meeting.api.SpeechKind;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Meetings over HTTP: scheduling, invitations, agenda, documents, check-in, the floor, votes, minutes, conclusions. */
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingController {
    private final MeetingActions actions;
    private final MeetingQueries queries;
    private final AttachmentStore files;
    private final Clock clock;

    MeetingController(MeetingActions actions, MeetingQueries queries, AttachmentStore files, Clock clock) {
        this.actions = actions;
        this.queries = queries;
        this.files = files;
        this.clock = clock;
    }

    record Created(String id) {
    }

    record Reschedule(@NotNull Instant startsAt, @NotNull Instant endsAt, String location, @NotBlank String reason) {
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    record InvitationAnswer(@NotNull Boolean accept, String reason) {
    }

    record Delegation(@NotBlank String deputyId) {
    }

    record AgendaItem(@NotBlank @Size(max = 500) String title, String presenterId, Integer plannedMinutes) {
    }

    record Position(@NotNull Integer position) {
    }

    record DocumentReference(@NotBlank String eofficeDocumentId, String title, String itemId, Instant visibleFrom) {
    }

    record Comment(@NotBlank @Size(max = 5000) String text) {
    }

    record CheckInRequest(String seatId, Presence presence, String code) {
    }

    record Absence(@NotBlank String seatId, @NotBlank String reason) {
    }

    record FloorRequest(@NotBlank String itemId, SpeechKind kind, String seatId) {
    }

    record Floor(Integer speakingSeconds) {
    }

    record VoteRequest(@NotBlank String itemId, @NotBlank @Size(max = 1000) String question, boolean secret,
                       PercentBase base) {
    }

    record Ballot(@NotNull VoteChoice choice, boolean writtenOpinion, String seatId) {
    }

    record Minutes(@NotBlank String text) {
    }

    record Approval(@NotNull Integer version) {
    }

    record Conclusion(String agencyId, @NotBlank @Size(max = 1000) String subject, @NotBlank String body) {
    }

    @PostMapping
    ResponseEntity<Created> schedule(@Valid @RequestBody MeetingActions.Schedule request) {
        String id = actions.schedule(request);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(new Created(id));
    }

    @GetMapping
    List<MeetingRecord> mine(@RequestParam(required = false) Instant from) {
        String me = Authorizer.currentPrincipal().officialId();
        return queries.mine(me, List.of(), from == null ? clock.instant().minusSeconds(86400) : from).stream()
                .map(MeetingRecord::withoutCheckInCode).toList();
    }

    @GetMapping("/notifications")
    List<vn.egov.backbone.meetings.meeting.api.MeetingViews.Notice> notifications() {
        return queries.notifications(Authorizer.currentPrincipal().officialId(), 50);
    }

    /** The whole meeting as its participant sees it; the room's check-in code only for the chair and secretary. */
    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        MeetingRecord meeting = actions.visible(id);
        String me = Authorizer.currentPrincipal().officialId();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meeting", actions.isRunner(meeting) ? meeting : meeting.withoutCheckInCode());
        answer.put("quorum", Map.of("present", meeting.presentSeats(), "seats", meeting.seats(),
                "percent", meeting.quorumPercent(), "reached", meeting.quorumReached()));
        answer.put("mySeat", queries.seatOf(id, me).orElse(null));
        answer.put("seats", queries.seats(id));
        answer.put("endpoints", queries.endpointBoard(id));
        answer.put("agenda", queries.agenda(id));
        answer.put("documents", actions.documentsFor(meeting));
        answer.put("floor", queries.floor(id));
        answer.put("votes", actions.votesFor(meeting));
        return answer;
    }

    @PostMapping("/{id}/rescheduling")
    ResponseEntity<Void> reschedule(@PathVariable String id, @Valid @RequestBody Reschedule request) {
        actions.reschedule(id, request.startsAt(), request.endsAt(), request.location(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/cancellation")
    ResponseEntity<Void> cancel(@PathVariable String id, @Valid @RequestBody Reason request) {
        actions.cancel(id, request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/invitation")
    ResponseEntity<Void> answer(@PathVariable String id, @Valid @RequestBody InvitationAnswer request) {
        actions.respond(id, request.accept(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/delegation")
    ResponseEntity<Void> delegate(@PathVariable String id, @Valid @RequestBody Delegation request) {
        actions.delegate(id, request.deputyId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/agenda")
    ResponseEntity<Created> addAgendaItem(@PathVariable String id, @Valid @RequestBody AgendaItem request) {
        return ResponseEntity.status(201).body(new Created(actions.addAgendaItem(id, request.title(),
                request.presenterId(), request.plannedMinutes())));
    }

    @PostMapping("/{id}/agenda/{itemId}/position")
    ResponseEntity<Void> moveAgendaItem(@PathVariable String id, @PathVariable String itemId,
                                        @Valid @RequestBody Position request) {
        actions.moveAgendaItem(id, itemId, request.position());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/agenda/{itemId}/current")
    ResponseEntity<Void> takeUp(@PathVariable String id, @PathVariable String itemId) {
        actions.takeUp(id, itemId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/documents")
    ResponseEntity<Created> attach(@PathVariable String id, @Valid @RequestBody DocumentReference request) {
        return ResponseEntity.status(201).body(new Created(actions.attachEOfficeDocument(id, request.eofficeDocumentId(),
                request.title(), request.itemId(), request.visibleFrom())));
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Created> upload(@PathVariable String id, @RequestParam("file") MultipartFile file,
                                   @RequestParam(required = false) String title,
                                   @RequestParam(required = false) String itemId,
                                   @RequestParam(required = false) Instant visibleFrom) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInput("file", MeetingError.FILE_REQUIRED);
        }
        return ResponseEntity.status(201).body(new Created(actions.upload(id, file.getInputStream(),
                file.getOriginalFilename(), title, itemId, visibleFrom)));
    }

    /** An uploaded meeting document, to the people who may see it (members only once it is open). */
    @GetMapping("/{id}/documents/{documentId}/file")
    ResponseEntity<FileSystemResource> file(@PathVariable String id, @PathVariable String documentId) throws IOException {
        MeetingRecord meeting = actions.visible(id);
        Map<String, Object> document = actions.documentsFor(meeting)
                .stream().filter(d -> documentId.equals(d.get("documentId")) && d.get("fileKey") != null).findFirst()
                .orElseThrow(() -> new NotFound(MeetingError.DOCUMENT_NOT_FOUND, documentId));
        Path path = files.content((String) document.get("fileKey"))
                .orElseThrow(() -> new NotFound(MeetingError.FILE_MISSING, documentId));
        String type = new org.apache.tika.Tika().detect(path);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename((String) document.get("title"), StandardCharsets.UTF_8).build().toString())
                .contentLength(Files.size(path)).body(new FileSystemResource(path));
    }

    @GetMapping("/{id}/documents/{documentId}/comments")
    List<Map<String, Object>> comments(@PathVariable String id, @PathVariable String documentId) {
        MeetingRecord meeting = actions.visible(id);
        boolean visible = actions.documentsFor(meeting).stream()
                .anyMatch(d -> documentId.equals(d.get("documentId")));
        if (!visible) {
            throw new NotFound(MeetingError.DOCUMENT_NOT_FOUND, documentId);
        }
        return queries.comments(id, documentId);
    }

    @PostMapping("/{id}/documents/{documentId}/comments")
    ResponseEntity<Void> comment(@PathVariable String id, @PathVariable String documentId,
                                 @Valid @RequestBody Comment request) {
        actions.comment(id, documentId, request.text());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/start")
    ResponseEntity<Void> start(@PathVariable String id) {
        actions.start(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/end")
    ResponseEntity<Void> end(@PathVariable String id) {
        actions.end(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/check-ins")
    ResponseEntity<Void> checkIn(@PathVariable String id, @RequestBody CheckInRequest request) {
        actions.checkIn(id, request.seatId(), request.presence(), request.code());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/absences")
    ResponseEntity<Void> absent(@PathVariable String id, @Valid @RequestBody Absence request) {
        actions.markAbsent(id, request.seatId(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/floor-requests")
    ResponseEntity<Created> requestFloor(@PathVariable String id, @Valid @RequestBody FloorRequest request) {
        return ResponseEntity.status(201).body(new Created(actions.requestFloor(id, request.itemId(), request.kind(),
                request.seatId())));
    }

    @DeleteMapping("/{id}/floor-requests/{requestId}")
    ResponseEntity<Void> withdraw(@PathVariable String id, @PathVariable String requestId) {
        actions.withdrawFloorRequest(id, requestId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/floor-requests/{requestId}/floor")
    ResponseEntity<Void> giveFloor(@PathVariable String id, @PathVariable String requestId,
                                   @RequestBody(required = false) Floor request) {
        actions.giveFloor(id, requestId, request == null ? null : request.speakingSeconds());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/floor-requests/{requestId}/end")
    ResponseEntity<Void> endSpeech(@PathVariable String id, @PathVariable String requestId) {
        actions.endSpeech(id, requestId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/votes")
    ResponseEntity<Created> openVote(@PathVariable String id, @Valid @RequestBody VoteRequest request) {
        return ResponseEntity.status(201).body(new Created(actions.openVote(id, request.itemId(), request.question(),
                request.secret(), request.base())));
    }

    @PostMapping("/{id}/votes/{voteId}/ballots")
    ResponseEntity<Void> vote(@PathVariable String id, @PathVariable String voteId, @Valid @RequestBody Ballot request) {
        actions.vote(id, voteId, request.choice(), request.writtenOpinion(), request.seatId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/votes/{voteId}/closure")
    ResponseEntity<Void> closeVote(@PathVariable String id, @PathVariable String voteId) {
        actions.closeVote(id, voteId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/minutes")
    ResponseEntity<Void> draftMinutes(@PathVariable String id, @Valid @RequestBody Minutes request) {
        actions.draftMinutes(id, request.text());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/minutes/approval")
    ResponseEntity<Void> approveMinutes(@PathVariable String id, @Valid @RequestBody Approval request) {
        actions.approveMinutes(id, request.version());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/conclusion")
    ResponseEntity<Created> conclude(@PathVariable String id, @Valid @RequestBody Conclusion request) {
        return ResponseEntity.status(201).body(new Created(actions.issueConclusion(id, request.agencyId(),
                request.subject(), request.body())));
    }

    /** What the room screen shows: the current item, the speaker, and the last vote's result once closed. */
    @GetMapping("/{id}/projector")
    Map<String, Object> projector(@PathVariable String id) {
        return Projector.of(actions.visible(id), queries);
    }
}
