package vn.egov.backbone.onestop.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.unit.UnitDirectory;
import vn.egov.backbone.core.unit.api.UnitView;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service indicators of the national index (Decision 766/QĐ-TTg) for a unit (the province, an
 * agency, a commune — everything decided in its subtree) and a period (a year, a quarter, a month),
 * computed from the dossier facts. Reception figures count dossiers received in the period, resolution
 * figures those resolved in it. Formulas, as far as the reference gives them: on time = (early + on
 * time) / resolved; online = online submissions / dossiers of procedures offered online; input
 * digitisation = dossiers with digitised or reused components / received; result digitisation =
 * digitised results / resolved; online payment = paid online / paid; satisfaction = ratings of 4 or
 * 5 / ratings. Group points are the share times the group's maximum — an approximation until the
 * decision's appendix is confirmed.
 */
@Service
public class ServiceKpis {
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(?:Q([1-4])|(\\d{2})))?");

    public record Period(String label, LocalDate from, LocalDate to) {
        public static Period parse(String text) {
            Matcher m = text == null ? null : PERIOD.matcher(text.strip());
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException("period: a year (2026), a quarter (2026-Q1) or a month (2026-03)");
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
                    throw new IllegalArgumentException("period: month 01 to 12");
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

    private final JdbcClient jdbc;
    private final UnitDirectory units;

    ServiceKpis(JdbcClient jdbc, UnitDirectory units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    public Figures figures(UnitView unit, Period period) {
        return figures(unit, period, Tree.now(units));
    }

    /** The units by parent, read once per request: a unit's scope is its subtree. */
    private record Tree(Map<String, List<UnitView>> children) {
        static Tree now(UnitDirectory units) {
            Map<String, List<UnitView>> children = new java.util.HashMap<>();
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

    private Figures figures(UnitView unit, Period period, Tree tree) {
        List<String> scope = tree.subtree(unit.id());
        Map<String, Object> received = jdbc.sql("SELECT COUNT(*) AS received,"
                        + " SUM(CASE WHEN channel = 'ONLINE' AND offered_online THEN 1 ELSE 0 END) AS online,"
                        + " SUM(CASE WHEN offered_online THEN 1 ELSE 0 END) AS offered,"
                        + " SUM(CASE WHEN refused THEN 1 ELSE 0 END) AS refused,"
                        + " SUM(CASE WHEN digitised_components > 0 OR reused_components > 0 THEN 1 ELSE 0 END) AS digitised,"
                        + " SUM(CASE WHEN reused_components > 0 THEN 1 ELSE 0 END) AS reused"
                        + " FROM dossier_fact WHERE competent_agency_id IN (:scope) AND received_on BETWEEN :from AND :to")
                .param("scope", scope).param("from", period.from()).param("to", period.to()).query().singleRow();
        Map<String, Object> resolved = jdbc.sql("SELECT COUNT(*) AS resolved,"
                        + " SUM(CASE WHEN timeliness = 'EARLY' THEN 1 ELSE 0 END) AS early,"
                        + " SUM(CASE WHEN timeliness = 'ON_TIME' THEN 1 ELSE 0 END) AS on_time,"
                        + " SUM(CASE WHEN timeliness = 'LATE' THEN 1 ELSE 0 END) AS late,"
                        + " SUM(late_steps) AS late_steps,"
                        + " SUM(CASE WHEN result_digitised THEN 1 ELSE 0 END) AS results_digitised,"
                        + " SUM(CASE WHEN paid_online IS NOT NULL THEN 1 ELSE 0 END) AS paid,"
                        + " SUM(CASE WHEN paid_online THEN 1 ELSE 0 END) AS paid_online,"
                        + " COUNT(satisfaction) AS ratings, AVG(CAST(satisfaction AS DOUBLE PRECISION)) AS average,"
                        + " SUM(CASE WHEN satisfaction >= 4 THEN 1 ELSE 0 END) AS satisfied"
                        + " FROM dossier_fact WHERE competent_agency_id IN (:scope) AND resolved_on BETWEEN :from AND :to")
                .param("scope", scope).param("from", period.from()).param("to", period.to()).query().singleRow();
        int receivedCount = count(received, "received");
        int resolvedCount = count(resolved, "resolved");
        int early = count(resolved, "early");
        int onTime = count(resolved, "on_time");
        Double onlineRate = rate(count(received, "online"), count(received, "offered"));
        Double onTimeRate = rate(early + onTime, resolvedCount);
        Double inputRate = rate(count(received, "digitised"), receivedCount);
        Double resultRate = rate(count(resolved, "results_digitised"), resolvedCount);
        Double paymentRate = rate(count(resolved, "paid_online"), count(resolved, "paid"));
        Double satisfaction = rate(count(resolved, "satisfied"), count(resolved, "ratings"));
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put("TDGQ", points(onTimeRate, 20));
        groups.put("CLGQ", points(onlineRate, 12));
        groups.put("TTTT", points(paymentRate, 10));
        groups.put("MDSH", inputRate == null || resultRate == null ? null : points((inputRate + resultRate) / 2, 22));
        groups.put("MDHL", points(satisfaction, 18));
        groups.put("CKMB", null); // publicity: the formula is not known (reference: unverified)
        Object average = resolved.get("average");
        return new Figures(unit.id(), unit.name(), period.label(), receivedCount, count(received, "online"),
                count(received, "offered"), onlineRate, count(received, "refused"), resolvedCount, early, onTime,
                count(resolved, "late"), onTimeRate, count(resolved, "late_steps"), count(received, "digitised"),
                inputRate, count(received, "reused"), count(resolved, "results_digitised"), resultRate,
                count(resolved, "paid"), count(resolved, "paid_online"), paymentRate, count(resolved, "ratings"),
                average == null ? null : Math.round(((Number) average).doubleValue() * 100) / 100.0, satisfaction, groups);
    }

    /** The figures of the unit's children that decided dossiers: the drill-down from the province to its agencies. */
    public List<Figures> children(UnitView unit, Period period) {
        Tree tree = Tree.now(units);
        List<Figures> children = new ArrayList<>();
        for (UnitView child : tree.childrenOf(unit.id())) {
            Figures figures = figures(child, period, tree);
            if (figures.received() > 0 || figures.resolved() > 0) {
                children.add(figures);
            }
        }
        return children;
    }

    /** Late dossiers of the unit and period, for the drill-down to the dossiers themselves. */
    public List<Map<String, Object>> lateDossiers(UnitView unit, Period period) {
        return jdbc.sql("SELECT v.id, v.tracking_code, v.procedure_name, v.received_on, v.appointment_on, v.resolved_on"
                        + " FROM dossier_fact f JOIN dossier_view v ON v.id = f.dossier_id WHERE f.competent_agency_id IN (:scope)"
                        + " AND f.resolved_on BETWEEN :from AND :to AND f.timeliness = 'LATE' ORDER BY f.resolved_on LIMIT 200")
                .param("scope", Tree.now(units).subtree(unit.id())).param("from", period.from()).param("to", period.to())
                .query().listOfRows();
    }

    private static int count(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }

    private static Double points(Double percent, int maximum) {
        return percent == null ? null : Math.round(percent * maximum) / 100.0;
    }
}
