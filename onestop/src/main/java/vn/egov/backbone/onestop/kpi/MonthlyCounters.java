package vn.egov.backbone.onestop.kpi;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.egov.backbone.onestop.kpi.MultiRowMerge.Column;

import java.sql.Date;
import java.sql.JDBCType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch of {@link DossierFactsProjection} adds to {@code dossier_kpi_month}, per deciding unit,
 * month and procedure, in the rows of its segment, written in one MERGE.
 */
final class MonthlyCounters {
    /** The counted columns of {@code dossier_kpi_month}, in order. */
    enum Counter {
        RECEIVED, RECEIVED_ONLINE, OFFERED_ONLINE, REFUSED, INPUT_DIGITISED, REUSED, RESOLVED, EARLY, ON_TIME, LATE,
        LATE_STEPS, RESULTS_DIGITISED, PAID, PAID_ONLINE, RATINGS, RATING_SUM, SATISFIED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private record Key(String unitId, LocalDate month, String procedureCode) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byUnit = unitId.compareTo(other.unitId);
            int byMonth = byUnit != 0 ? byUnit : month.compareTo(other.month);
            return byMonth != 0 ? byMonth : procedureCode.compareTo(other.procedureCode);
        }
    }

    private static final MultiRowMerge MERGE = merge();
    private final int segment;
    // sorted, so that two writers of one segment (a replay next to a live node) lock rows in the same order
    private final Map<Key, long[]> deltas = new TreeMap<>();

    MonthlyCounters(int segment) {
        this.segment = segment;
    }

    /** The month's counters of the unit and procedure, indexed by {@link Counter#ordinal()}, to add to. */
    long[] at(String unitId, LocalDate day, String procedureCode) {
        return deltas.computeIfAbsent(new Key(unitId, day.withDayOfMonth(1), procedureCode),
                key -> new long[Counter.values().length]);
    }

    void write(NamedParameterJdbcTemplate jdbc, boolean postgres) {
        List<Object[]> rows = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            Object[] row = new Object[4 + delta.length];
            row[0] = key.unitId();
            row[1] = Date.valueOf(key.month());
            row[2] = key.procedureCode();
            row[3] = segment;
            for (int i = 0; i < delta.length; i++) {
                row[4 + i] = (int) delta[i];
            }
            rows.add(row);
        });
        MERGE.write(jdbc.getJdbcTemplate(), rows, postgres);
    }

    private static MultiRowMerge merge() {
        List<Column> columns = new ArrayList<>(List.of(new Column("unit_id", JDBCType.VARCHAR, "VARCHAR(64)"),
                new Column("month_start", JDBCType.DATE, "DATE"),
                new Column("procedure_code", JDBCType.VARCHAR, "VARCHAR(30)"),
                new Column("segment", JDBCType.INTEGER, "INT")));
        for (Counter counter : Counter.values()) {
            columns.add(new Column(counter.column(), JDBCType.INTEGER, "INT"));
        }
        return new MultiRowMerge("dossier_kpi_month", columns, List.of("unit_id", "month_start", "procedure_code", "segment"),
                column -> "t." + column + " + s." + column);
    }
}
