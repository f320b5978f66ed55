package vn.egov.backbone.ops.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.egov.backbone.ops.BackboneApplication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Backbone node started the way {@code java -jar backbone.jar} starts it, on a free port, so
 * that tests can stop and start nodes (restarts, two nodes on one database).
 */
public final class RunningBackbone implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "Quản-trị-thử-nghiệm-2026";

    private final ConfigurableApplicationContext context;

    private RunningBackbone(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A node on PostgreSQL (profile {@code postgres}) with the small test province. */
    public static RunningBackbone onPostgres(TestPostgres.Database database, Path dataDir) {
        return onPostgres(database, dataDir, Map.of());
    }

    public static RunningBackbone onPostgres(TestPostgres.Database database, Path dataDir, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>(extra);
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        return start(List.of("postgres"), properties, dataDir);
    }

    public static RunningBackbone start(List<String> profiles, Map<String, Object> extra, Path dataDir) {
        return start(profiles, extra, dataDir, new Class<?>[0]);
    }

    /** @param sources more bean sources, such as {@link MovableClock.Source} */
    public static RunningBackbone start(List<String> profiles, Map<String, Object> extra, Path dataDir,
                                        Class<?>... sources) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("backbone.data-dir", dataDir.toString());
        properties.put("backbone.seed.file", "classpath:seed/test-province.json");
        properties.put("backbone.admin.password", ADMIN_PASSWORD);
        properties.put("db-scheduler.polling-interval", "500ms");
        properties.putAll(extra);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BackboneApplication.class)
                .sources(sources)
                .profiles(profiles.toArray(String[]::new))
                .run(args.toArray(String[]::new));
        return new RunningBackbone(context);
    }

    public String baseUrl() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }

    public Api admin() {
        return Api.basic(baseUrl(), "admin", ADMIN_PASSWORD);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
