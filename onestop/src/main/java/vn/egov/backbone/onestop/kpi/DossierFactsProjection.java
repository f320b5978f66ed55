package vn.egov.backbone.onestop.kpi;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.PaymentMethod;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;
import vn.egov.backbone.onestop.kpi.MonthlyCounters.Counter;
import vn.egov.backbone.onestop.kpi.MultiRowMerge.Column;

import java.sql.Date;
import java.sql.JDBCType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of raw facts per dossier — channel, reception, digitised and reused components, steps and
 * how many were late, resolution and its timeliness, digitised result, fee and how it was paid,
 * rating — and monthly counters per deciding unit and procedure summed from them, which
 * {@link KpiQueries} reads. Its own processing group, so it can be replayed alone when a formula
 * needs a new fact.
 * <p>
 * The events of a batch are collected and written together when the batch commits: the facts the
 * batch touches are read in one query, changed in memory and written back in one MERGE, and the
 * counters change once per unit, month and procedure, in one MERGE too ({@link MultiRowMerge}).
 * Replaying a year of a province (about 12 million events) one statement per event would take hours;
 * this way it takes minutes (see the benchmark in the README). Segments (dossiers split by id) run in
 * parallel: each keeps its own counter rows, so that none waits for another's row locks.
 */
@Component
@ProcessingGroup(DossierFactsProjection.GROUP)
class DossierFactsProjection {
    static final String GROUP = "dossier-kpis";
    private static final String PENDING = DossierFactsProjection.class.getName() + ".pending";

    private final NamedParameterJdbcTemplate jdbc;
    /** Whether the database is PostgreSQL, which can commit a batch without waiting for the disk. */
    private final boolean postgres;

    DossierFactsProjection(NamedParameterJdbcTemplate jdbc) throws java.sql.SQLException {
        this.jdbc = jdbc;
        try (java.sql.Connection connection = jdbc.getJdbcTemplate().getDataSource().getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    @EventHandler
    void on(DossierSubmitted e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(DossierReceived e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(DossierRefused e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(SupplementReceived e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(ProcessingStepStarted e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(ProcessingStepCompleted e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(PaymentRequested e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(PaymentReceived e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(ApologyIssued e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(DossierResolved e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @EventHandler
    void on(SatisfactionRated e, @Timestamp Instant at) {
        pending().add(e.dossierId(), e, at);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("DELETE FROM dossier_fact");
        jdbc.getJdbcTemplate().update("DELETE FROM dossier_kpi_month");
    }

    /** The batch's events, written once before its transaction commits. */
    private Pending pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            // the pooled processor names the batch's segment in its unit of work (Axon's WorkPackage)
            Object segment = unitOfWork.getResource("Processor[" + GROUP + "]/SegmentId");
            Pending pending = new Pending(segment instanceof Number number ? number.intValue() : 0);
            unitOfWork.onPrepareCommit(u -> pending.write());
            return pending;
        });
    }

    private record Event(String dossierId, Object payload, Instant at) {
    }

    private final class Pending {
        private final int segment;
        private final List<Event> events = new ArrayList<>();

        Pending(int segment) {
            this.segment = segment;
        }

        void add(String dossierId, Object payload, Instant at) {
            events.add(new Event(dossierId, payload, at));
        }

        void write() {
            if (postgres) {
                // A batch lost to a crash before it reached the disk is lost with its token, and replayed:
                // the projection need not wait for the disk (the event store's own commits still do).
                jdbc.getJdbcTemplate().execute("SET LOCAL synchronous_commit TO OFF");
            }
            Set<String> ids = new LinkedHashSet<>();
            events.forEach(event -> ids.add(event.dossierId()));
            Map<String, Fact> facts = Fact.load(jdbc, ids, postgres);
            MonthlyCounters counters = new MonthlyCounters(segment);
            for (Event event : events) {
                if (event.payload() instanceof DossierSubmitted submitted) {
                    facts.putIfAbsent(submitted.dossierId(), Fact.of(submitted));
                    continue;
                }
                Fact fact = facts.get(event.dossierId());
                if (fact != null) { // facts of dossiers submitted before this projection existed are not invented
                    fact.apply(event.payload(), LocalDate.ofInstant(event.at(), DisplayDates.VIETNAM), counters);
                }
            }
            Fact.write(jdbc, facts, postgres);
            counters.write(jdbc, postgres);
        }
    }

    /** The raw facts of one dossier, as stored in {@code dossier_fact}. */
    private static final class Fact {
        private static final String COLUMNS = "dossier_id, tracking_code, procedure_code, procedure_name, offered_online,"
                + " competent_agency_id, channel, received_on, appointment_on, refused, components, digitised_components,"
                + " reused_components, resolved_on, timeliness, result_digitised, fee_requested, paid_online,"
                + " satisfaction, late_steps, steps";

        String dossierId;
        String trackingCode;
        String procedureCode;
        String procedureName;
        boolean offeredOnline;
        String agencyId;
        String channel;
        LocalDate receivedOn;
        LocalDate appointmentOn;
        boolean refused;
        int components;
        int digitisedComponents;
        int reusedComponents;
        LocalDate resolvedOn;
        String timeliness;
        Boolean resultDigitised;
        boolean feeRequested;
        Boolean paidOnline;
        Integer satisfaction;
        int lateSteps;
        int steps;

        static Fact of(DossierSubmitted e) {
            Fact fact = new Fact();
            fact.dossierId = e.dossierId();
            fact.trackingCode = e.trackingCode();
            fact.procedureCode = e.procedure().code();
            fact.procedureName = e.procedure().name();
            fact.offeredOnline = e.procedure().fullyOnline();
            fact.agencyId = e.procedure().competentAgencyId();
            fact.channel = e.channel().name();
            fact.components = e.components();
            return fact;
        }

        /** Applies one event to the facts and to the counters of the months it counts in. */
        void apply(Object event, LocalDate eventDay, MonthlyCounters counters) {
            switch (event) {
                case DossierReceived e -> {
                    receivedOn = e.receivedOn();
                    appointmentOn = e.appointmentOn();
                    digitisedComponents = e.digitisedComponents();
                    reusedComponents = e.reusedComponents();
                    long[] month = counters.at(agencyId, receivedOn, procedureCode);
                    month[Counter.RECEIVED.ordinal()]++;
                    month[Counter.RECEIVED_ONLINE.ordinal()] += "ONLINE".equals(channel) && offeredOnline ? 1 : 0;
                    month[Counter.OFFERED_ONLINE.ordinal()] += offeredOnline ? 1 : 0;
                    month[Counter.INPUT_DIGITISED.ordinal()] += digitisedComponents > 0 || reusedComponents > 0 ? 1 : 0;
                    month[Counter.REUSED.ordinal()] += reusedComponents > 0 ? 1 : 0;
                }
                case DossierRefused e -> {
                    refused = true;
                    counters.at(agencyId, eventDay, procedureCode)[Counter.REFUSED.ordinal()]++;
                }
                case SupplementReceived e -> {
                    if (e.appointmentOn() != null) {
                        appointmentOn = e.appointmentOn();
                    }
                }
                case ApologyIssued e -> appointmentOn = e.newAppointmentOn();
                case ProcessingStepStarted e -> steps++;
                case ProcessingStepCompleted e -> lateSteps += e.timeliness() == Timeliness.LATE ? 1 : 0;
                case PaymentRequested e -> feeRequested = true;
                case PaymentReceived e -> {
                    boolean firstPayment = paidOnline == null;
                    paidOnline = e.method() == PaymentMethod.ONLINE;
                    if (resolvedOn != null && firstPayment) { // paid after resolution: counts in the resolution's month
                        countPayment(counters.at(agencyId, resolvedOn, procedureCode));
                    }
                }
                case DossierResolved e -> {
                    resolvedOn = e.resolvedOn();
                    timeliness = e.timeliness().name();
                    resultDigitised = e.resultDigitised();
                    long[] month = counters.at(agencyId, resolvedOn, procedureCode);
                    month[Counter.RESOLVED.ordinal()]++;
                    Counter timelinessCounter = switch (e.timeliness()) {
                        case EARLY -> Counter.EARLY;
                        case ON_TIME -> Counter.ON_TIME;
                        case LATE -> Counter.LATE;
                    };
                    month[timelinessCounter.ordinal()]++;
                    month[Counter.LATE_STEPS.ordinal()] += lateSteps;
                    month[Counter.RESULTS_DIGITISED.ordinal()] += resultDigitised ? 1 : 0;
                    if (paidOnline != null) {
                        countPayment(month);
                    }
                    if (satisfaction != null) {
                        countRating(month);
                    }
                }
                case SatisfactionRated e -> {
                    boolean firstRating = satisfaction == null;
                    satisfaction = e.score();
                    if (resolvedOn != null && firstRating) {
                        countRating(counters.at(agencyId, resolvedOn, procedureCode));
                    }
                }
                default -> throw new IllegalStateException("No fact for " + event.getClass().getSimpleName());
            }
        }

        private void countPayment(long[] month) {
            month[Counter.PAID.ordinal()]++;
            month[Counter.PAID_ONLINE.ordinal()] += paidOnline ? 1 : 0;
        }

        private void countRating(long[] month) {
            month[Counter.RATINGS.ordinal()]++;
            month[Counter.RATING_SUM.ordinal()] += satisfaction;
            month[Counter.SATISFIED.ordinal()] += satisfaction >= 4 ? 1 : 0;
        }

        static Map<String, Fact> load(NamedParameterJdbcTemplate jdbc, Set<String> ids, boolean postgres) {
            Map<String, Fact> facts = new LinkedHashMap<>();
            RowCallbackHandler read = row -> {
                Fact fact = new Fact();
                fact.dossierId = row.getString("dossier_id");
                fact.trackingCode = row.getString("tracking_code");
                fact.procedureCode = row.getString("procedure_code");
                fact.procedureName = row.getString("procedure_name");
                fact.offeredOnline = row.getBoolean("offered_online");
                fact.agencyId = row.getString("competent_agency_id");
                fact.channel = row.getString("channel");
                fact.receivedOn = row.getObject("received_on", LocalDate.class);
                fact.appointmentOn = row.getObject("appointment_on", LocalDate.class);
                fact.refused = row.getBoolean("refused");
                fact.components = row.getInt("components");
                fact.digitisedComponents = row.getInt("digitised_components");
                fact.reusedComponents = row.getInt("reused_components");
                fact.resolvedOn = row.getObject("resolved_on", LocalDate.class);
                fact.timeliness = row.getString("timeliness");
                fact.resultDigitised = row.getObject("result_digitised", Boolean.class);
                fact.feeRequested = row.getBoolean("fee_requested");
                fact.paidOnline = row.getObject("paid_online", Boolean.class);
                fact.satisfaction = row.getObject("satisfaction", Integer.class);
                fact.lateSteps = row.getInt("late_steps");
                fact.steps = row.getInt("steps");
                facts.put(fact.dossierId, fact);
            };
            if (postgres) {
                // one array parameter: the same statement for every batch, planned once per connection
                jdbc.getJdbcTemplate().query(connection -> {
                    java.sql.PreparedStatement statement = connection.prepareStatement(
                            "SELECT " + COLUMNS + " FROM dossier_fact WHERE dossier_id = ANY(?)");
                    statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
                    return statement;
                }, read);
                return facts;
            }
            List<String> all = List.copyOf(ids);
            for (int from = 0; from < all.size(); from += 1000) {
                jdbc.query("SELECT " + COLUMNS + " FROM dossier_fact WHERE dossier_id IN (:ids)",
                        Map.of("ids", all.subList(from, Math.min(all.size(), from + 1000))), read);
            }
            return facts;
        }

        private static final List<String> IMMUTABLE = List.of("tracking_code", "procedure_code", "procedure_name",
                "offered_online", "competent_agency_id", "channel", "components");
        private static final MultiRowMerge MERGE = new MultiRowMerge("dossier_fact", List.of(
                new Column("dossier_id", JDBCType.VARCHAR, "VARCHAR(64)"),
                new Column("tracking_code", JDBCType.VARCHAR, "VARCHAR(40)"),
                new Column("procedure_code", JDBCType.VARCHAR, "VARCHAR(30)"),
                new Column("procedure_name", JDBCType.VARCHAR, "VARCHAR(500)"),
                new Column("offered_online", JDBCType.BOOLEAN, "BOOLEAN"),
                new Column("competent_agency_id", JDBCType.VARCHAR, "VARCHAR(64)"),
                new Column("channel", JDBCType.VARCHAR, "VARCHAR(10)"),
                new Column("received_on", JDBCType.DATE, "DATE"),
                new Column("appointment_on", JDBCType.DATE, "DATE"),
                new Column("refused", JDBCType.BOOLEAN, "BOOLEAN"),
                new Column("components", JDBCType.INTEGER, "INT"),
                new Column("digitised_components", JDBCType.INTEGER, "INT"),
                new Column("reused_components", JDBCType.INTEGER, "INT"),
                new Column("resolved_on", JDBCType.DATE, "DATE"),
                new Column("timeliness", JDBCType.VARCHAR, "VARCHAR(10)"),
                new Column("result_digitised", JDBCType.BOOLEAN, "BOOLEAN"),
                new Column("fee_requested", JDBCType.BOOLEAN, "BOOLEAN"),
                new Column("paid_online", JDBCType.BOOLEAN, "BOOLEAN"),
                new Column("satisfaction", JDBCType.INTEGER, "INT"),
                new Column("late_steps", JDBCType.INTEGER, "INT"),
                new Column("steps", JDBCType.INTEGER, "INT")),
                List.of("dossier_id"), column -> IMMUTABLE.contains(column) ? null : "s." + column);

        /** Every fact the batch touched, new or changed, in one statement (per 500). */
        static void write(NamedParameterJdbcTemplate jdbc, Map<String, Fact> facts, boolean postgres) {
            MERGE.write(jdbc.getJdbcTemplate(), facts.values().stream().map(Fact::row).toList(), postgres);
        }

        private Object[] row() {
            return new Object[] {dossierId, trackingCode, procedureCode, procedureName, offeredOnline, agencyId, channel,
                    date(receivedOn), date(appointmentOn), refused, components, digitisedComponents, reusedComponents,
                    date(resolvedOn), timeliness, resultDigitised, feeRequested, paidOnline, satisfaction, lateSteps, steps};
        }
    }

    private static Object date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
