package vn.egov.backbone.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.PaymentMethod;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.ProcedureTerms;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A year of a province's one-stop desk: ingest, replay of the KPI projection, and the dashboard.
 * <ol>
 * <li>Ingest through the API: 16 clients receive, resolve and return dossiers at a commune's desk
 *     (HTTP, authorisation, commands, event store, read model) — dossiers and events per second.</li>
 * <li>Bulk ingest: one year of dossiers (1.2 million by default, about 12 million events: submission,
 *     reception, supplements, two or three processing steps, fees, apologies, resolution, return,
 *     ratings), generated with the backbone's own event classes and written into its event store with
 *     PostgreSQL COPY, as a migration from an older system would — events per second.</li>
 * <li>Replay: the other projections and the search index are moved to the head (they are not rebuilt
 *     for the generated year), the backbone restarts on that store, and the KPI projection is
 *     replayed from the first event through the admin API — events per second.</li>
 * <li>Dashboard: {@code GET /api/v1/kpi} for the province over the year (the figures, the drill-down
 *     to agencies and communes, the late dossiers), p50/p99 — and the figures are checked against
 *     what the generator counted.</li>
 * </ol>
 * <pre>
 * mvn -B -DskipTests install
 * mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dbenchmark.main=vn.egov.backbone.benchmark.DossierBenchmark \
 *     -Dexec.args="1200000 jdbc:postgresql://127.0.0.1:5432/postgres postgres 1000"
 * (dossiers generated, database to create the benchmark's own in, user, dossiers through the API,
 * then optional settings for the backbone such as --backbone.kpi.segments=8)
 * </pre>
 */
public final class DossierBenchmark {
    private static final int CLIENTS = 16;
    private static final int PORT = 18_083;
    private static final int YEAR = 2025;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ObjectMapper EVENTS = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public static void main(String[] args) throws Exception {
        int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 1_200_000;
        String adminUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 2 ? args[2] : "postgres";
        int apiDossiers = args.length > 3 ? Integer.parseInt(args[3]) : 3_000;
        // more --name=value settings for the backbone, e.g. --backbone.kpi.segments=8
        List<String> settings = args.length > 4 ? List.of(args).subList(4, args.length) : List.of();
        try {
            new DossierBenchmark(apiDossiers, settings).run(dossiers, adminUrl, user);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep the JVM alive
        }
        System.exit(0);
    }

    /** How many dossiers the API ingest sends. */
    private final int apiDossiers;
    private final List<String> settings;

    DossierBenchmark(int apiDossiers, List<String> settings) {
        this.apiDossiers = apiDossiers;
        this.settings = settings;
    }

    void run(int dossiers, String adminUrl, String user) throws Exception {
        String jdbcUrl;
        java.nio.file.Path dataDir;
        Province province;
        ApiIngest api;
        try (BackboneProcess backbone = BackboneProcess.start("postgres", adminUrl, user, PORT, CLIENTS, settings)) {
            backbone.settle();
            jdbcUrl = backbone.jdbcUrl;
            dataDir = backbone.dataDir;
            province = Province.read(backbone);
            api = apiIngest(backbone, province);
            System.out.printf("API ingest: %d dossiers in %.1f s = %.0f dossiers/s, %.0f events/s; request p50 %d ms,"
                    + " p99 %d ms; %d errors%n", api.dossiers(), api.seconds(), api.dossiers() / api.seconds(),
                    api.events() / api.seconds(), api.p50(), api.p99(), api.errors());
        }
        Generated generated = bulkIngest(jdbcUrl, user, province, dossiers);
        long head;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
            head = single(c, "SELECT MAX(global_index) FROM domain_event_entry");
            // The other projections are not rebuilt for the generated year: they start at the head.
            c.createStatement().executeUpdate("UPDATE token_entry SET token = convert_to('{\"index\":" + head
                    + ",\"gaps\":[]}', 'UTF8'), token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'");
        }
        searchIndexAtHead(dataDir, head);
        try (BackboneProcess backbone = BackboneProcess.restart(dataDir, jdbcUrl, user, PORT, CLIENTS, settings)) {
            System.out.println("Restarted; waiting for every processor to stand still …");
            backbone.settle(Duration.ofMinutes(60));
            long events;
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
                events = single(c, "SELECT COUNT(*) FROM domain_event_entry");
            }
            double replaySeconds = replay(backbone, head);
            System.out.printf("Replay of dossier-kpis: %d events in %.1f s = %.0f events/s%n", events, replaySeconds,
                    events / replaySeconds);
            dashboard(backbone, province, generated);
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
                System.out.printf("Database: %s; dossier_fact %d rows, dossier_kpi_month %d rows from %d segments%n",
                        string(c, "SELECT pg_size_pretty(pg_database_size(current_database()))"),
                        single(c, "SELECT COUNT(*) FROM dossier_fact"), single(c, "SELECT COUNT(*) FROM dossier_kpi_month"),
                        single(c, "SELECT COUNT(DISTINCT segment) FROM dossier_kpi_month"));
            }
        }
    }

    // ---- 1. through the API

    record ApiIngest(int dossiers, long events, double seconds, long p50, long p99, int errors) {
    }

    private ApiIngest apiIngest(BackboneProcess backbone, Province province) throws Exception {
        Unit commune = province.communes().get(0);
        String clerk = backbone.official("motcua.bench", "Nguyễn Thị Một Cửa", commune.committeeId(), "RECORDS_CLERK");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[apiDossiers * 3];
        double seconds = BackboneProcess.runClients(CLIENTS, errors, () -> {
            int i;
            while ((i = next.getAndIncrement()) < apiDossiers) {
                long begin = System.nanoTime();
                BackboneProcess.Response registered = backbone.post("/api/v1/dossiers", clerk, Map.of(
                        "procedureCode", "HT-01", "communeId", commune.id(), "channel", "DESK",
                        "applicant", Map.of("name", Names.person(new SplittableRandom(i)), "idNumber",
                                String.format("0010%08d", i)), "components", 2, "digitisedComponents", 2));
                latencies[i * 3] = System.nanoTime() - begin;
                if (registered.statusCode() != 201) {
                    errors.incrementAndGet();
                    continue;
                }
                String id = BackboneProcess.JSON.readTree(registered.body()).get("id").asText();
                for (int step = 1; step <= 2; step++) {
                    begin = System.nanoTime();
                    BackboneProcess.Response response = backbone.post("/api/v1/dossiers/" + id
                            + (step == 1 ? "/resolution" : "/result-return"), clerk, Map.of("resultDigitised", true));
                    latencies[i * 3 + step] = System.nanoTime() - begin;
                    if (response.statusCode() != 204) {
                        errors.incrementAndGet();
                    }
                }
            }
        });
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        return new ApiIngest(apiDossiers, apiDossiers * 4L, seconds, BackboneProcess.millis(sorted, 0.50),
                BackboneProcess.millis(sorted, 0.99), errors.get());
    }

    // ---- 2. a generated year, written with COPY

    record Unit(String id, String code, String committeeId) {
    }

    /** The demo province as the backbone has it: units and the procedure catalogue. */
    record Province(String rootId, List<Unit> communes, Map<String, String> agencyIds, List<JsonNode> procedures) {
        static Province read(BackboneProcess backbone) throws Exception {
            Map<String, JsonNode> byCode = new HashMap<>();
            String root = null;
            for (JsonNode unit : backbone.getJson("/api/v1/units", BackboneProcess.ADMIN)) {
                byCode.put(unit.get("code").asText(), unit);
                if (unit.get("parentId").isNull()) {
                    root = unit.get("id").asText();
                }
            }
            List<Unit> communes = new ArrayList<>();
            Map<String, String> agencies = new HashMap<>();
            for (JsonNode unit : byCode.values()) {
                String kind = unit.get("kind").asText();
                String code = unit.get("code").asText();
                if (kind.equals("COMMUNE") || kind.equals("WARD") || kind.equals("SPECIAL_ZONE")) {
                    JsonNode committee = byCode.get(code + ".UBND");
                    if (committee != null) {
                        communes.add(new Unit(unit.get("id").asText(), code, committee.get("id").asText()));
                    }
                } else if (kind.equals("AGENCY")) {
                    agencies.put(code.substring(code.indexOf('.') + 1), unit.get("id").asText());
                }
            }
            communes.sort(java.util.Comparator.comparing(Unit::code));
            List<JsonNode> procedures = new ArrayList<>();
            backbone.getJson("/api/v1/procedures", BackboneProcess.ADMIN).forEach(procedures::add);
            return new Province(root, communes, agencies, procedures);
        }
    }

    /** What the generator wrote, counted as the KPIs count it: the dashboard must show the same. */
    static final class Generated {
        long dossiers;
        long events;
        long received;
        long receivedOnline;
        long refused;
        long resolved;
        long late;
        long ratings;
        double seconds;
    }

    private static final String COPY = "COPY domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload, meta_data) FROM STDIN";

    private Generated bulkIngest(String jdbcUrl, String user, Province province, int dossiers) throws Exception {
        List<LocalDate> workingDays = new ArrayList<>();
        for (LocalDate day = LocalDate.of(YEAR, 1, 2); day.getYear() == YEAR; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                workingDays.add(day);
            }
        }
        Generated generated = new Generated();
        SplittableRandom random = new SplittableRandom(20250101);
        // Events by the day they happen on; a day is written once no later dossier can add to it.
        TreeMap<LocalDate, List<Row>> pending = new TreeMap<>();
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
            c.setAutoCommit(false);
            int perDay = dossiers / workingDays.size();
            int extra = dossiers % workingDays.size();
            int serial = 0;
            for (int d = 0; d < workingDays.size(); d++) {
                LocalDate day = workingDays.get(d);
                for (int i = 0; i < perDay + (d < extra ? 1 : 0); i++) {
                    new DossierLife(random, province, day, serial++, generated).events().forEach(row ->
                            pending.computeIfAbsent(row.day(), k -> new ArrayList<>()).add(row));
                }
                while (!pending.isEmpty() && !pending.firstKey().isAfter(day)) {
                    write(c, pending.pollFirstEntry().getValue(), generated);
                }
                if (d % 25 == 0) {
                    System.out.printf("  generated %s: %,d events so far%n", day, generated.events);
                }
            }
            while (!pending.isEmpty()) {
                write(c, pending.pollFirstEntry().getValue(), generated);
            }
        }
        generated.seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Bulk ingest (COPY): %,d dossiers, %,d events in %.1f s = %.0f events/s%n", generated.dossiers,
                generated.events, generated.seconds, generated.events / generated.seconds);
        return generated;
    }

    /** One day's events, in the order they happened, in one COPY and one transaction. */
    private static void write(Connection c, List<Row> rows, Generated generated) throws Exception {
        rows.sort(java.util.Comparator.comparing(Row::at));
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        StringBuilder text = new StringBuilder(rows.size() * 1400);
        HexFormat hex = HexFormat.of();
        for (Row row : rows) {
            text.append(row.eventId()).append('\t').append(row.dossierId()).append('\t').append(row.sequence())
                    .append("\tProcedureDossier\t").append(row.at()).append('\t').append(row.payloadType())
                    .append("\t\\\\x").append(hex.formatHex(row.payload())).append("\t\\\\x")
                    .append(hex.formatHex(row.metadata())).append('\n');
            if (text.length() > 4_000_000) {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                text.setLength(0);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        c.commit();
        generated.events += rows.size();
    }

    record Row(LocalDate day, Instant at, String eventId, String dossierId, int sequence, String payloadType,
               byte[] payload, byte[] metadata) {
    }

    /**
     * One dossier's life, with realistic shares: 46% online where the procedure is offered online, 2%
     * refused, 10% asked for a supplement, two or three processing steps (2% of steps late), fees for
     * 30% (60% paid online), 3% late with an apology, 40% rated.
     */
    private static final class DossierLife {
        private final SplittableRandom random;
        private final String dossierId;
        private final String official;
        private final String unit;
        private final List<Row> rows = new ArrayList<>();

        DossierLife(SplittableRandom random, Province province, LocalDate day, int serial, Generated generated) {
            this.random = random;
            this.dossierId = new UUID(random.nextLong(), random.nextLong()).toString();
            generated.dossiers++;
            JsonNode procedure = province.procedures().get(random.nextInt(province.procedures().size()));
            boolean communeLevel = procedure.get("level").asText().equals("COMMUNE");
            Unit commune = province.communes().get(random.nextInt(province.communes().size()));
            String agency = communeLevel ? commune.committeeId()
                    : province.agencyIds().getOrDefault(procedure.get("agency").asText(), commune.committeeId());
            this.unit = agency;
            this.official = "bench-" + agency.substring(0, 8);
            boolean online = procedure.get("fullyOnline").asBoolean() && random.nextInt(100) < 46;
            int days = procedure.get("processingDays").asInt();
            ProcedureTerms terms = new ProcedureTerms(procedure.get("code").asText(), procedure.get("version").asInt(),
                    procedure.get("name").asText(), agency, days, procedure.get("feeVnd").asLong(), procedure.get("fullyOnline").asBoolean());
            String trackingCode = String.format("HS%s-%07d", day.toString().substring(2).replace("-", ""), serial);
            Applicant applicant = new Applicant(Names.person(random), String.format("0%02d0%08d", random.nextInt(1, 97),
                    random.nextInt(100_000_000)), "Thôn " + Names.VILLAGES[random.nextInt(Names.VILLAGES.length)] + ", "
                    + commune.code(), String.format("09%08d", random.nextInt(100_000_000)), null);
            int components = procedure.get("components").size();
            add(day, 8, new DossierSubmitted(dossierId, trackingCode, terms, online ? Channel.ONLINE : Channel.DESK,
                    applicant, components, online ? null : commune.id(), at(day, 8)));
            if (random.nextInt(100) < 2) {
                add(day, 9, new DossierRefused(dossierId, "Hồ sơ không thuộc thẩm quyền giải quyết"));
                generated.refused++;
                return;
            }
            LocalDate appointment = plusWorkingDays(day, days);
            int digitised = random.nextInt(100) < 70 ? components : 0;
            add(day, 9, new DossierReceived(dossierId, day, appointment, digitised, random.nextInt(100) < 10 ? 1 : 0));
            generated.received++;
            generated.receivedOnline += online ? 1 : 0;
            LocalDate today = day;
            if (random.nextInt(100) < 10) {
                LocalDate asked = plusWorkingDays(today, 1);
                add(asked, 10, new SupplementRequested(dossierId, "Thiếu bản sao giấy tờ tùy thân", asked));
                today = plusWorkingDays(asked, 2);
                appointment = plusWorkingDays(appointment, 2);
                add(today, 10, new SupplementReceived(dossierId, today, 2, appointment, Map.of()));
            }
            boolean late = random.nextInt(100) < 3;
            int steps = random.nextInt(100) < 60 ? 2 : 3;
            for (int s = 0; s < steps; s++) {
                String stepId = dossierId.substring(0, 8) + "-" + s;
                LocalDate due = s == steps - 1 ? appointment : midway(today, appointment);
                add(today, 11 + s, new ProcessingStepStarted(dossierId, stepId, agency, STEPS[s], today, due));
                boolean stepLate = late && s == steps - 1 || random.nextInt(100) < 2;
                LocalDate done = stepLate ? plusWorkingDays(due, 1) : today.isBefore(due) ? plusWorkingDays(today, 1) : today;
                add(done, 12 + s, new ProcessingStepCompleted(dossierId, stepId, agency, done,
                        stepLate ? Timeliness.LATE : done.isBefore(due) ? Timeliness.EARLY : Timeliness.ON_TIME, null));
                today = done;
            }
            long fee = procedure.get("feeVnd").asLong();
            if (fee > 0 || random.nextInt(100) < 30) {
                long amount = fee > 0 ? fee : 50_000;
                add(today, 15, new PaymentRequested(dossierId, amount, "Phí, lệ phí giải quyết thủ tục"));
                add(today, 16, new PaymentReceived(dossierId, amount, random.nextInt(100) < 60 ? PaymentMethod.ONLINE
                        : PaymentMethod.CASH));
            }
            LocalDate resolvedOn;
            if (late) {
                add(appointment, 8, new ApologyIssued(dossierId, "Chờ kết quả xác minh của cơ quan liên quan", appointment,
                        plusWorkingDays(appointment, 3)));
                resolvedOn = today.isAfter(appointment) ? today : plusWorkingDays(appointment, 1);
            } else {
                resolvedOn = today;
            }
            Timeliness timeliness = late || resolvedOn.isAfter(appointment) ? Timeliness.LATE
                    : resolvedOn.isBefore(appointment) ? Timeliness.EARLY : Timeliness.ON_TIME;
            add(resolvedOn, 17, new DossierResolved(dossierId, resolvedOn, appointment, timeliness, random.nextInt(100) < 60));
            if (resolvedOn.getYear() == YEAR) {
                generated.resolved++;
                generated.late += timeliness == Timeliness.LATE ? 1 : 0;
            }
            LocalDate returned = random.nextBoolean() ? resolvedOn : plusWorkingDays(resolvedOn, 1);
            add(returned, 17, new ResultReturned(dossierId, returned));
            if (random.nextInt(100) < 40) {
                LocalDate rated = returned.plusDays(1);
                add(rated, 20, new SatisfactionRated(dossierId, random.nextInt(100) < 85 ? 5 - random.nextInt(2)
                        : 1 + random.nextInt(3)));
                generated.ratings += resolvedOn.getYear() == YEAR ? 1 : 0;
            }
        }

        private static final String[] STEPS = {"Thụ lý, thẩm định hồ sơ", "Trình lãnh đạo phê duyệt",
                "Ký ban hành, chuyển bộ phận một cửa"};

        List<Row> events() {
            return rows;
        }

        /** Adds an event on that day (or the day of the previous one, if later), always after the previous one. */
        private void add(LocalDate day, int hour, Object payload) {
            try {
                Row previous = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                Instant at = at(day, hour);
                if (previous != null && !at.isAfter(previous.at())) {
                    at = previous.at().plusSeconds(1 + random.nextInt(600));
                    day = LocalDate.ofInstant(at, VIETNAM);
                }
                String eventId = new UUID(random.nextLong(), random.nextLong()).toString();
                byte[] metadata = EVENTS.writeValueAsBytes(Map.of("actingOfficial", official, "actingUsername", official,
                        "actingUnit", unit, "correlationId", eventId, "causationId", eventId));
                rows.add(new Row(day, at, eventId, dossierId, rows.size(), payload.getClass().getName(),
                        EVENTS.writeValueAsBytes(payload), metadata));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private Instant at(LocalDate day, int hour) {
            return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(VIETNAM).toInstant();
        }

        /** The day halfway between two dates (an intermediate step's share of the time). */
        private static LocalDate midway(LocalDate from, LocalDate to) {
            LocalDate middle = from.plusDays(java.time.temporal.ChronoUnit.DAYS.between(from, to) / 2);
            return middle.isBefore(from) ? from : middle;
        }
    }

    static LocalDate plusWorkingDays(LocalDate day, int days) {
        LocalDate result = day;
        for (int added = 0; added < days; ) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return result;
    }

    /** Vietnamese names for generated applicants. */
    static final class Names {
        static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
        static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Hồng"};
        static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hùng", "Hương",
                "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang",
                "Tuấn", "Việt", "Yến"};
        static final String[] VILLAGES = {"Đông", "Tây", "Thượng", "Hạ", "Trung", "Phú Lộc", "An Hòa", "Tân Thành"};

        static String person(SplittableRandom random) {
            return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                    + GIVEN[random.nextInt(GIVEN.length)];
        }
    }

    /** The search index keeps its tokens in the index itself: they go to the head too. */
    private static void searchIndexAtHead(java.nio.file.Path dataDir, long head) throws Exception {
        vn.egov.backbone.search.index.SearchIndex index = new vn.egov.backbone.search.index.SearchIndex(
                dataDir.resolve("search").toString(), new ObjectMapper());
        try {
            vn.egov.backbone.search.index.IndexTokenStore tokens = new vn.egov.backbone.search.index.IndexTokenStore(index,
                    org.axonframework.serialization.json.JacksonSerializer.defaultSerializer());
            for (int segment : tokens.fetchSegments(vn.egov.backbone.search.index.SearchConfiguration.PROCESSOR)) {
                tokens.storeToken(org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(head, java.util.Set.of()),
                        vn.egov.backbone.search.index.SearchConfiguration.PROCESSOR, segment);
            }
            index.commit(index.commitData());
        } finally {
            index.close();
        }
    }

    // ---- 3. replay

    private double replay(BackboneProcess backbone, long head) throws Exception {
        long started = System.nanoTime();
        BackboneProcess.Response response = backbone.post("/api/v1/admin/processors/dossier-kpis/replay", backbone.adminToken(),
                Map.of());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Replay refused: " + response.statusCode() + " " + response.body());
        }
        long lastReport = System.nanoTime();
        while (true) {
            JsonNode status = backbone.getJson("/api/v1/admin/processors/dossier-kpis", backbone.adminToken());
            long position = status.path("position").asLong(-1);
            // At the head the token may still say "replaying": it does until an event after the reset arrives.
            if (position >= head) {
                return (System.nanoTime() - started) / 1e9;
            }
            if (status.path("error").asBoolean()) {
                throw new IllegalStateException("The replay failed; see " + backbone.dataDir.resolve("backbone.log"));
            }
            if (System.nanoTime() - lastReport > 30e9) {
                System.out.printf("  replay at %,d of %,d (%.0f s)%n", position, head, (System.nanoTime() - started) / 1e9);
                lastReport = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    // ---- 4. the dashboard

    private void dashboard(BackboneProcess backbone, Province province, Generated generated) throws Exception {
        String leader = backbone.official("lanhdao.bench", "Trần Văn Lãnh Đạo", province.rootId(), "LEADER");
        String path = "/api/v1/kpi?unitId=" + province.rootId() + "&period=" + YEAR;
        JsonNode figures = backbone.getJson(path, leader).get("figures");
        // The API ingest's dossiers were received this year, not in the generated one, so the year's figures are the generator's.
        System.out.printf("Figures for %d: received %d (generated %d), online %d (%d), refused %d (%d), resolved %d (%d),"
                        + " late %d (%d), ratings %d (%d) — %s%n", YEAR,
                figures.get("received").asLong(), generated.received, figures.get("receivedOnline").asLong(),
                generated.receivedOnline, figures.get("refused").asLong(), generated.refused,
                figures.get("resolved").asLong(), generated.resolved, figures.get("late").asLong(), generated.late,
                figures.get("ratings").asLong(), generated.ratings,
                figures.get("received").asLong() == generated.received && figures.get("resolved").asLong() == generated.resolved
                        && figures.get("late").asLong() == generated.late && figures.get("ratings").asLong() == generated.ratings
                        && figures.get("receivedOnline").asLong() == generated.receivedOnline
                        ? "all match" : "MISMATCH");
        measure(backbone, leader, "API, province, year", path);
        measure(backbone, leader, "API, province, quarter", "/api/v1/kpi?unitId=" + province.rootId() + "&period=" + YEAR + "-Q3");
        measure(backbone, leader, "API, one commune, year", "/api/v1/kpi?unitId=" + province.communes().get(3).committeeId()
                + "&period=" + YEAR);
    }

    private static void measure(BackboneProcess backbone, String leader, String what, String path) throws Exception {
        for (int i = 0; i < 10; i++) {
            backbone.get(path, leader);
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long begin = System.nanoTime();
            BackboneProcess.Response response = backbone.get(path, leader);
            nanos[i] = System.nanoTime() - begin;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + response.statusCode());
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("Dashboard %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, nanos[100] / 1e6, nanos[198] / 1e6,
                nanos[199] / 1e6);
    }

    private static long single(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
