package vn.egov.backbone.core.eventing;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Tells Axon that an append failed on a unique key: another writer stored that aggregate's next
 * sequence number first (optimistic locking between nodes), so the command may be retried on the
 * new state. Axon's own JDBC resolver only knows {@link SQLIntegrityConstraintViolationException},
 * which H2 throws but the PostgreSQL driver does not: it reports SQLState 23505, often inside a
 * BatchUpdateException's next exception.
 */
class DuplicateKeyResolver implements PersistenceExceptionResolver {
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
