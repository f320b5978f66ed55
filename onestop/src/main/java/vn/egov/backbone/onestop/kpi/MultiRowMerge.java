package vn.egov.backbone.onestop.kpi;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One MERGE for many rows: a batch of the KPI projection writes its facts and its counters in a
 * statement or two instead of one statement per row, which is what limited a replay (a statement per
 * counter row cost more than the rest of the batch together).
 * <p>
 * On PostgreSQL the rows travel as one array per column ({@code USING (SELECT * FROM unnest(?, ?, …))}):
 * the statement's text is the same for every batch, so the server parses and plans it once per
 * connection and reuses it, where a {@code VALUES} list of 20 columns times a varying number of rows was
 * a new statement of thousands of parameters, parsed and planned again for every batch. H2 gets the
 * standard-SQL {@code USING (VALUES (…), (…)) AS s(…)}, which both databases run.
 */
final class MultiRowMerge {
    /** A column and its SQL type: the first row's values are cast to it, so the database knows every column's type. */
    record Column(String name, JDBCType type, String sqlType) {
        /** The PostgreSQL name of the column's type, for an array of its values. */
        String arrayElementType() {
            return switch (type) {
                case VARCHAR -> "varchar";
                case INTEGER -> "int4";
                case BOOLEAN -> "bool";
                case DATE -> "date";
                default -> throw new IllegalArgumentException("No array type for " + type);
            };
        }
    }

    private static final int ROWS_PER_STATEMENT = 500;

    private final String table;
    private final List<Column> columns;
    private final List<String> keys;
    private final Function<String, String> onMatch;
    /** The PostgreSQL form: one array parameter per column. */
    private final String arraySql;

    /**
     * @param onMatch for a non-key column, the expression it is set to when the row exists
     *                ({@code t} is the table, {@code s} the new row), or null to leave it unchanged
     */
    MultiRowMerge(String table, List<Column> columns, List<String> keys, Function<String, String> onMatch) {
        this.table = table;
        this.columns = columns;
        this.keys = keys;
        this.onMatch = onMatch;
        this.arraySql = merge("SELECT * FROM unnest(" + String.join(", ",
                columns.stream().map(c -> "CAST(? AS " + c.arrayElementType() + "[])").toList()) + ")");
    }

    void write(JdbcTemplate jdbc, List<Object[]> rows, boolean postgres) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            writeArrays(jdbc, rows);
            return;
        }
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

    private void writeArrays(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.execute((java.sql.Connection connection) -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(arraySql)) {
                for (int c = 0; c < columns.size(); c++) {
                    Object[] values = new Object[rows.size()];
                    for (int r = 0; r < rows.size(); r++) {
                        values[r] = rows.get(r)[c];
                    }
                    statement.setArray(c + 1, connection.createArrayOf(columns.get(c).arrayElementType(), values));
                }
                return statement.executeUpdate();
            }
        });
    }

    private String sql(int rows) {
        StringBuilder values = new StringBuilder("VALUES ");
        for (int r = 0; r < rows; r++) {
            values.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                values.append(c == 0 ? "" : ", ").append(r == 0 ? "CAST(? AS " + columns.get(c).sqlType() + ")" : "?");
            }
            values.append(')');
        }
        return merge(values.toString());
    }

    /** The MERGE of rows given by {@code source}, a query whose columns are named like the table's. */
    private String merge(String source) {
        List<String> names = columns.stream().map(Column::name).toList();
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(table).append(" t USING (").append(source);
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
