package vn.egov.backbone.onestop.dossier;

import vn.egov.backbone.core.shared.InvalidInput;
import java.util.Optional;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.onestop.settings.OneStopProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.RateSatisfaction;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.SubmitDossier;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue;
import vn.egov.backbone.onestop.procedure.ProcedureCatalogue.ProcedureVersion;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The citizen's side, without signing in: online submission, and the lookup by the tracking code on
 * the receipt (and its QR code) — the status, the current step, the appointment and the history of
 * steps, nothing personal. Limited per client address; an unknown code gives the same 404 whatever it
 * resembles.
 */
@RestController
@RequestMapping("/api/v1/public/dossiers")
class PublicDossierController {

    /** {@code code} as the national portal numbers it, {@code name} for clients, {@code label} in Vietnamese. */
    record Status(int code, String name, String label) {
    }

    record StepView(String task, String agency, LocalDate startedOn, LocalDate dueOn, LocalDate completedOn,
                    String timeliness) {
    }

    record HistoryEntry(Instant at, Status status) {
    }

    record PublicDossier(String trackingCode, String procedure, Status status, LocalDate receivedOn,
                         LocalDate appointmentOn, boolean late, StepView currentStep, List<StepView> steps,
                         List<HistoryEntry> history) {
    }

    record Rating(@NotNull Integer score) {
    }

    /** What a citizen types to submit online: the procedure, the commune that decides (for commune procedures), who they are. */
    record Submission(@NotBlank String procedureCode, String communeId, @NotNull @Valid OnlineApplicant applicant,
                      @Min(0) @Max(200) int components) {
    }

    /** Online, the applicant identifies with the 12-digit citizen identity number (căn cước). */
    record OnlineApplicant(@NotBlank @Size(max = 200) String name,
                           @NotBlank @Pattern(regexp = "\\d{12}", message = "{dossier.idNumber.pattern}") String idNumber,
                           @Size(max = 500) String address, @Size(max = 30) String phone, @Email @Size(max = 200) String email) {
        Applicant toApplicant() {
            return new Applicant(name.strip(), idNumber, address, phone, email);
        }
    }

    record Submitted(String trackingCode, String procedure, String competentAgency, Status status, String lookup) {
    }

    private final JdbcClient jdbc;
    private final Commands commands;
    private final ProcedureCatalogue catalogue;
    private final DossierRouting routing;
    private final UnitDirectory units;
    private final Clock clock;
    private final int perMinute;
    /** Per client address, the times of its lookups in the last minute (a sliding window). */
    private final Map<String, ArrayDeque<Long>> recent = new ConcurrentHashMap<>();

    PublicDossierController(JdbcClient jdbc, Commands commands, ProcedureCatalogue catalogue, DossierRouting routing,
                            UnitDirectory units, Clock clock, OneStopProperties settings) {
        this.units = units;
        this.jdbc = jdbc;
        this.commands = commands;
        this.catalogue = catalogue;
        this.routing = routing;
        this.clock = clock;
        this.perMinute = settings.citizens().lookupsPerMinute();
    }

    /**
     * Online submission (kênh trực tuyến) of a procedure offered online: the dossier is new until the
     * competent agency's desk checks it and receives it (the clock starts then), asks for a supplement,
     * or refuses it. The answer is the tracking code to follow it by.
     */
    @PostMapping
    ResponseEntity<?> submit(@Valid @RequestBody Submission submission, HttpServletRequest request) {
        if (limited(request)) {
            return tooMany();
        }
        ProcedureVersion procedure = catalogue.current(submission.procedureCode())
                .orElseThrow(() -> new InvalidInput("procedureCode", DossierError.PROCEDURE_UNKNOWN));
        if (!procedure.fullyOnline()) {
            throw new InvalidInput("procedureCode", DossierError.NOT_ONLINE);
        }
        UnitView competent = routing.competentAuthority(procedure, null, submission.communeId());
        String trackingCode = routing.newTrackingCode();
        commands.send(new SubmitDossier(UUID.randomUUID().toString(), trackingCode, DossierRouting.terms(procedure, competent),
                Channel.ONLINE, submission.applicant().toApplicant(), submission.components(), null));
        return ResponseEntity.created(URI.create("/api/v1/public/dossiers/" + trackingCode)).body(new Submitted(trackingCode,
                procedure.name(), competent.name(), status(DossierStatus.NEW.code()), "/public/dossiers/" + trackingCode));
    }

    @GetMapping("/{trackingCode}")
    ResponseEntity<?> lookup(@PathVariable String trackingCode, HttpServletRequest request) {
        if (limited(request)) {
            return tooMany();
        }
        Map<String, Object> dossier = find(trackingCode);
        String id = (String) dossier.get("id");
        List<Map<String, Object>> stepRows = jdbc.sql("SELECT task, agency_id, started_on, due_on, completed_on, timeliness"
                        + " FROM dossier_step WHERE dossier_id = :id ORDER BY started_on, step_id")
                .param("id", id).query().listOfRows();
        // the agencies' names from the unit directory, not by joining core's table
        Map<String, UnitView> agencies = units.findAll(stepRows.stream().map(row -> (String) row.get("agency_id")).toList());
        List<StepView> steps = stepRows.stream().map(row -> new StepView((String) row.get("task"),
                Optional.ofNullable(agencies.get((String) row.get("agency_id"))).map(UnitView::name).orElse(null),
                localDate(row.get("started_on")), localDate(row.get("due_on")), localDate(row.get("completed_on")),
                (String) row.get("timeliness"))).toList();
        List<HistoryEntry> history = jdbc.sql("SELECT at, status_code FROM dossier_history WHERE dossier_id = :id ORDER BY seq")
                .param("id", id).query((rs, i) -> new HistoryEntry(rs.getTimestamp("at").toInstant(),
                        status(rs.getInt("status_code")))).list();
        return ResponseEntity.ok(new PublicDossier((String) dossier.get("tracking_code"),
                (String) dossier.get("procedure_name"), status(((Number) dossier.get("status_code")).intValue()),
                date(dossier.get("received_on")), date(dossier.get("appointment_on")), Boolean.TRUE.equals(dossier.get("late")),
                steps.stream().filter(s -> s.completedOn() == null).reduce((a, b) -> b).orElse(null), steps, history));
    }

    /** After the result is returned the applicant rates the service once (1 to 5). */
    @PostMapping("/{trackingCode}/rating")
    ResponseEntity<?> rate(@PathVariable String trackingCode, @Valid @RequestBody Rating rating, HttpServletRequest request) {
        if (limited(request)) {
            return tooMany();
        }
        commands.send(new RateSatisfaction((String) find(trackingCode).get("id"), rating.score()));
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> find(String trackingCode) {
        return jdbc.sql("SELECT * FROM dossier_view WHERE tracking_code = :code").param("code", trackingCode.strip()
                        .toUpperCase(java.util.Locale.ROOT)).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFound(DossierError.TRACKING_CODE_UNKNOWN));
    }

    private boolean limited(HttpServletRequest request) {
        long now = clock.millis();
        boolean[] over = new boolean[1];
        recent.compute(request.getRemoteAddr(), (address, times) -> {
            ArrayDeque<Long> window = times == null ? new ArrayDeque<>() : times;
            while (!window.isEmpty() && window.peekFirst() <= now - 60_000) {
                window.pollFirst();
            }
            over[0] = window.size() >= perMinute;
            if (!over[0]) {
                window.addLast(now);
            }
            return window;
        });
        if (recent.size() > 100_000) {
            recent.values().removeIf(times -> times.isEmpty() || times.peekLast() <= now - 60_000);
        }
        return over[0];
    }

    private static ResponseEntity<ProblemDetail> tooMany() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many lookups from this address; try again in a minute");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").body(problem);
    }

    private static Status status(int code) {
        DossierStatus status = Arrays.stream(DossierStatus.values()).filter(s -> s.code() == code).findFirst().orElseThrow();
        return new Status(status.code(), status.name(), status.label());
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case java.sql.Date d -> d.toLocalDate();
            case LocalDate d -> d;
            case Timestamp t -> t.toLocalDateTime().toLocalDate();
            case null, default -> null;
        };
    }

    private static LocalDate localDate(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            default -> LocalDate.parse(value.toString());
        };
    }
}
