package vn.egov.backbone.onestop.kpi;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One standard-SQL MERGE for many rows ({@code USING (VALUES (…), (…)) AS s(…)}), which both H2 and
 * PostgreSQL 15+ run: a batch of the KPI projection writes its facts and its counters in a statement
 * or two instead of one statement per row, which is what limited a replay (a statement per counter
 * row cost more than the rest of the batch together).
 */
final class MultiRowMerge {
    /** A column and its SQL type: the first row's values are cast to it, so the database knows every column's type. */
    record Column(String name, JDBCType type, String sqlType) {
    }

    private static final int ROWS_PER_STATEMENT = 500;

    private final String table;
    private final List<Column> columns;
    private final List<String> keys;
    private final Function<String, String> onMatch;

    /**
     * @param onMatch for a non-key column, the expression it is set to when the row exists
     *                ({@code t} is the table, {@code s} the new row), or null to leave it unchanged
     */
    MultiRowMerge(String table, List<Column> columns, List<String> keys, Function<String, String> onMatch) {
        this.table = table;
        this.columns = columns;
        this.keys = keys;
        this.onMatch = onMatch;
    }

    void write(JdbcTemplate jdbc, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> values = new ArrayList<>(chunk.size() * columns.size());
            int[] types = new int[chunk.size() * columns.size()];
            int i = 0;
            for (Object[] row : chunk) {
                for (int c = 0; c < columns.size(); c++) {
                    values.add(row[c]);
                    types[i++] = columns.get(c).type().getVendorTypeNumber();
                }
            }
            jdbc.update(sql(chunk.size()), values.toArray(), types);
        }
    }

    private String sql(int rows) {
        List<String> names = columns.stream().map(Column::name).toList();
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(table).append(" t USING (VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "" : ", ").append(r == 0 ? "CAST(? AS " + columns.get(c).sqlType() + ")" : "?");
            }
            sql.append(')');
        }
        sql.append(") AS s(").append(String.join(", ", names)).append(") ON ")
                .append(String.join(" AND ", keys.stream().map(k -> "t." + k + " = s." + k).toList()));
        List<String> sets = new ArrayList<>();
        for (String name : names) {
            String expression = keys.contains(name) ? null : onMatch.apply(name);
            if (expression != null) {
                sets.add(name + " = " + expression);
            }
        }
        if (!sets.isEmpty()) {
            sql.append(" WHEN MATCHED THEN UPDATE SET ").append(String.join(", ", sets));
        }
        return sql.append(" WHEN NOT MATCHED THEN INSERT (").append(String.join(", ", names)).append(") VALUES (")
                .append(String.join(", ", names.stream().map(n -> "s." + n).toList())).append(')').toString();
    }
}
