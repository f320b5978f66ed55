package vn.egov.backbone.core.testing;

import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import vn.egov.backbone.core.privacy.SubjectKeys;

import java.time.Clock;
import java.util.UUID;

/** The real {@link SubjectKeys} on a database of its own in memory (core's migrations), for aggregate fixtures. */
public final class InMemorySubjectKeys {
    private InMemorySubjectKeys() {
    }

    public static SubjectKeys create() {
        SimpleDriverDataSource database = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        // core's own migrations: the test class path of another module may hold its migrations too
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("1.4").load().migrate();
        return new SubjectKeys(JdbcClient.create(database), Clock.systemUTC());
    }
}
