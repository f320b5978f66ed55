package vn.egov.backbone.onestop.kpi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.onestop.kpi.MonthlyCounters.Counter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service indicators of the national index (Decision 766/QĐ-TTg) for a unit (the province, an
 * agency, a commune — everything decided in its subtree) and a period (a year, a quarter, a month),
 * summed from the monthly counters of {@link DossierFactsProjection}, optionally of one procedure.
 * Reception figures count dossiers received in the period, refusals those refused in it, resolution
 * figures (with payments and ratings) those resolved in it. Formulas, as far as the reference gives them: on time = (early + on
 * time) / resolved; online = online submissions / dossiers of procedures offered online; input
 * digitisation = dossiers with digitised or reused components / received; result digitisation =
 * digitised results / resolved; online payment = paid online / paid; satisfaction = ratings of 4 or
 * 5 / ratings. Group points are the share times the group's maximum — an approximation until the
 * decision's appendix is confirmed. An official reads the figures of the units they work in and below
 * ({@link #readableUnit}).
 */
@Service
public class KpiQueries {
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(?:Q([1-4])|(\\d{2})))?");

    public record Period(String label, LocalDate from, LocalDate to) {
        public static Period parse(String text) {
            Matcher m = text == null ? null : PERIOD.matcher(text.strip());
            if (m == null || !m.matches()) {
                throw new InvalidInput("period", KpiError.PERIOD_FORMAT);
            }
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) != null) {
                int quarter = Integer.parseInt(m.group(2));
                LocalDate from = LocalDate.of(year, quarter * 3 - 2, 1);
                return new Period(text.strip(), from, from.plusMonths(3).minusDays(1));
            }
            if (m.group(3) != null) {
                int month = Integer.parseInt(m.group(3));
                if (month < 1 || month > 12) {
                    throw new InvalidInput("period", KpiError.MONTH_RANGE);
                }
                YearMonth ym = YearMonth.of(year, month);
                return new Period(text.strip(), ym.atDay(1), ym.atEndOfMonth());
            }
            return new Period(text.strip(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
    }

    public record Figures(String unitId, String unitName, String period, int received, int receivedOnline,
                          int offeredOnline, Double onlineRate, int refused, int resolved, int early, int onTime,
                          int late, Double onTimeRate, int lateSteps, int inputDigitised, Double inputDigitisationRate,
                          int reused, int resultsDigitised, Double resultDigitisationRate, int paid, int paidOnline,
                          Double onlinePaymentRate, int ratings, Double averageRating, Double satisfactionRate,
                          Map<String, Double> groupPoints) {
    }

    /** A dossier resolved late, for the drill-down; the API's v1 clients read it with snake_case names. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LateDossier(String id, String trackingCode, String procedureCode, String procedureName,
                              LocalDate receivedOn, LocalDate appointmentOn, LocalDate resolvedOn) {
    }

    private final JdbcClient jdbc;
    private final UnitQueries units;
    private final OfficialQueries officials;
    private final Clock clock;

    KpiQueries(JdbcClient jdbc, UnitQueries units, OfficialQueries officials, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.officials = officials;
        this.clock = clock;
    }

    /**
     * Officials read the KPIs of the units they work in and everything below them; a leader of a
     * people's committee also those of the province or commune it governs (the committee's parent), which
     * is ranked on them — a chairman of the province's committee reads the whole province.
     */
    public UnitView readableUnit(String unitId) {
        UnitView unit = units.find(unitId).orElseThrow(() -> new NotFound(KpiError.UNIT_NOT_FOUND, unitId));
        List<String> chain = units.selfAndAncestors(unit.id());
        if (readableRoots().stream().noneMatch(root -> root == null || chain.contains(root))) {
            throw new Forbidden(KpiError.UNIT_NOT_READABLE);
        }
        return unit;
    }

    /** The parent of the unit, when the official may read it too: the dashboard's way up. */
    public Optional<String> readableParentId(UnitView unit) {
        return Optional.ofNullable(unit.parentId()).filter(parent -> {
            List<String> chain = units.selfAndAncestors(parent);
            return readableRoots().stream().anyMatch(root -> root == null || chain.contains(root));
        });
    }

    /** Where the official's dashboard opens: the highest unit they may read. */
    public String homeUnitId() {
        List<String> roots = readableRoots();
        if (roots.contains(null) || roots.isEmpty()) {
            return units.roots().get(0).id();
        }
        return roots.stream().min(Comparator.comparingInt(unit -> units.selfAndAncestors(unit).size())).orElseThrow();
    }

    /** Every unit the official may read the KPIs of, in tree order with its depth below the highest, for a picker. */
    public List<UnitChoice> readableUnits() {
        List<String> roots = readableRoots();
        Tree tree = Tree.now(units);
        List<UnitView> tops = roots.contains(null) ? units.roots()
                : roots.stream().filter(root -> roots.stream().noneMatch(other -> other != null && !other.equals(root)
                        && units.selfAndAncestors(root).contains(other))).distinct()
                .flatMap(root -> units.find(root).stream()).toList();
        List<UnitChoice> choices = new ArrayList<>();
        tops.stream().sorted(Comparator.comparing(UnitView::name)).forEach(top -> addWithChildren(tree, top, 0, choices));
        return choices;
    }

    /** A unit in the picker, indented by its depth. */
    public record UnitChoice(String id, String name, int depth) {
    }

    private static void addWithChildren(Tree tree, UnitView unit, int depth, List<UnitChoice> choices) {
        choices.add(new UnitChoice(unit.id(), unit.name(), depth));
        tree.childrenOf(unit.id()).stream().sorted(Comparator.comparing(UnitView::name))
                .forEach(child -> addWithChildren(tree, child, depth + 1, choices));
    }

    /**
     * The tops of what the official reads: the units of their roles (null for a system-wide role), and the
     * administrative unit of each people's committee they lead.
     */
    private List<String> readableRoots() {
        List<String> roots = new ArrayList<>();
        for (var role : officials.roles(Authorizer.currentPrincipal().officialId())) {
            if (!role.validAt(clock.instant())) {
                continue;
            }
            roots.add(role.unitId());
            if (role.role() == Role.LEADER && role.unitId() != null) {
                units.find(role.unitId()).filter(unit -> unit.kind() == UnitKind.PEOPLES_COMMITTEE && unit.parentId() != null)
                        .ifPresent(committee -> roots.add(committee.parentId()));
            }
        }
        return roots;
    }

    /** The units by parent, read once per request: a unit's scope is its subtree. */
    private record Tree(Map<String, List<UnitView>> children) {
        static Tree now(UnitQueries units) {
            Map<String, List<UnitView>> children = new HashMap<>();
            for (UnitView unit : units.list(false)) {
                if (unit.parentId() != null) {
                    children.computeIfAbsent(unit.parentId(), parent -> new ArrayList<>()).add(unit);
                }
            }
            return new Tree(children);
        }

        List<UnitView> childrenOf(String unitId) {
            return children.getOrDefault(unitId, List.of());
        }

        List<String> subtree(String unitId) {
            List<String> scope = new ArrayList<>();
            List<String> queue = new ArrayList<>(List.of(unitId));
            while (!queue.isEmpty()) {
                String next = queue.remove(queue.size() - 1);
                scope.add(next);
                childrenOf(next).forEach(child -> queue.add(child.id()));
            }
            return scope;
        }
    }

    /** The counters of every unit that decided dossiers in the period, summed per unit (one query). */
    private Map<String, long[]> countersByUnit(Period period, String procedureCode) {
        Counter[] counters = Counter.values();
        StringBuilder sql = new StringBuilder("SELECT unit_id");
        for (Counter counter : counters) {
            sql.append(", SUM(").append(counter.column()).append(") AS ").append(counter.column());
        }
        sql.append(" FROM dossier_kpi_month WHERE month_start BETWEEN :from AND :to");
        if (procedureCode != null) {
            sql.append(" AND procedure_code = :procedure");
        }
        sql.append(" GROUP BY unit_id");
        Map<String, long[]> byUnit = new HashMap<>();
        jdbc.sql(sql.toString()).param("from", period.from().withDayOfMonth(1)).param("to", period.to())
                .param("procedure", procedureCode).query(row -> {
                    long[] sums = new long[counters.length];
                    for (Counter counter : counters) {
                        sums[counter.ordinal()] = row.getLong(counter.column());
                    }
                    byUnit.put(row.getString("unit_id"), sums);
                });
        return byUnit;
    }

    private Figures figures(UnitView unit, Period period, Tree tree, Map<String, long[]> byUnit) {
        long[] sum = new long[Counter.values().length];
        for (String member : tree.subtree(unit.id())) {
            long[] counters = byUnit.get(member);
            if (counters != null) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += counters[i];
                }
            }
        }
        ToIntFunction<Counter> count = counter -> (int) sum[counter.ordinal()];
        int received = count.applyAsInt(Counter.RECEIVED);
        int resolved = count.applyAsInt(Counter.RESOLVED);
        int ratings = count.applyAsInt(Counter.RATINGS);
        Double onlineRate = rate(count.applyAsInt(Counter.RECEIVED_ONLINE), count.applyAsInt(Counter.OFFERED_ONLINE));
        Double onTimeRate = rate(count.applyAsInt(Counter.EARLY) + count.applyAsInt(Counter.ON_TIME), resolved);
        Double inputRate = rate(count.applyAsInt(Counter.INPUT_DIGITISED), received);
        Double resultRate = rate(count.applyAsInt(Counter.RESULTS_DIGITISED), resolved);
        Double paymentRate = rate(count.applyAsInt(Counter.PAID_ONLINE), count.applyAsInt(Counter.PAID));
        Double satisfaction = rate(count.applyAsInt(Counter.SATISFIED), ratings);
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put("TDGQ", points(onTimeRate, 20));
        groups.put("CLGQ", points(onlineRate, 12));
        groups.put("TTTT", points(paymentRate, 10));
        groups.put("MDSH", inputRate == null || resultRate == null ? null : points((inputRate + resultRate) / 2, 22));
        groups.put("MDHL", points(satisfaction, 18));
        groups.put("CKMB", null); // publicity: the formula is not known (reference: unverified)
        return new Figures(unit.id(), unit.name(), period.label(), received, count.applyAsInt(Counter.RECEIVED_ONLINE),
                count.applyAsInt(Counter.OFFERED_ONLINE), onlineRate, count.applyAsInt(Counter.REFUSED), resolved,
                count.applyAsInt(Counter.EARLY), count.applyAsInt(Counter.ON_TIME), count.applyAsInt(Counter.LATE),
                onTimeRate, count.applyAsInt(Counter.LATE_STEPS), count.applyAsInt(Counter.INPUT_DIGITISED), inputRate,
                count.applyAsInt(Counter.REUSED), count.applyAsInt(Counter.RESULTS_DIGITISED), resultRate,
                count.applyAsInt(Counter.PAID), count.applyAsInt(Counter.PAID_ONLINE), paymentRate, ratings,
                ratings == 0 ? null : Math.round(sum[Counter.RATING_SUM.ordinal()] * 100.0 / ratings) / 100.0,
                satisfaction, groups);
    }

    /**
     * The unit's figures and those of its children that decided dossiers (the drill-down from the
     * province to its agencies and communes), from one read of the counters.
     */
    public Report report(UnitView unit, Period period, String procedureCode) {
        Tree tree = Tree.now(units);
        Map<String, long[]> byUnit = countersByUnit(period, procedureCode);
        List<Figures> children = new ArrayList<>();
        for (UnitView child : tree.childrenOf(unit.id())) {
            Figures figures = figures(child, period, tree, byUnit);
            if (figures.received() > 0 || figures.resolved() > 0 || figures.refused() > 0) {
                children.add(figures);
            }
        }
        return new Report(figures(unit, period, tree, byUnit), children);
    }

    public record Report(Figures figures, List<Figures> children) {
    }

    /** Late dossiers of the unit and period, for the drill-down to the dossiers themselves. */
    public List<LateDossier> lateDossiers(UnitView unit, Period period, String procedureCode) {
        return jdbc.sql("SELECT dossier_id AS id, tracking_code, procedure_code, procedure_name, received_on,"
                        + " appointment_on, resolved_on FROM dossier_fact WHERE timeliness = 'LATE'"
                        + " AND resolved_on BETWEEN :from AND :to AND competent_agency_id IN (:scope)"
                        + (procedureCode == null ? "" : " AND procedure_code = :procedure")
                        + " ORDER BY resolved_on, dossier_id LIMIT 200")
                .param("scope", Tree.now(units).subtree(unit.id())).param("from", period.from()).param("to", period.to())
                .param("procedure", procedureCode)
                .query((rs, row) -> new LateDossier(rs.getString("id"), rs.getString("tracking_code"),
                        rs.getString("procedure_code"), rs.getString("procedure_name"),
                        rs.getObject("received_on", LocalDate.class), rs.getObject("appointment_on", LocalDate.class),
                        rs.getObject("resolved_on", LocalDate.class)))
                .list();
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }

    private static Double points(Double percent, int maximum) {
        return percent == null ? null : Math.round(percent * maximum) / 100.0;
    }
}
