package vn.egov.backbone.core.testing;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node started the way {@code java -jar} starts one, on a free port and its own data folder, with the
 * small test province and a known administrator password. A module's tests start their module on it
 * (with core, through the module's own node class, e.g. {@link CoreNode}); ops starts the whole Backbone.
 */
public class RunningNode implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "Quản-trị-thử-nghiệm-2026";
    private static final String EXCLUDED = "spring.autoconfigure.exclude";

    /**
     * Null once closed: a test class keeps its node in a static field, and the JVM keeps a test class (and so the
     * field) until it ends, so a closed node's context would stay in the heap through every later test class.
     */
    private volatile ConfigurableApplicationContext context;

    protected RunningNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param application the node's source: a class with {@code @EnableAutoConfiguration} and a component scan
     * @param sources     more bean sources, such as {@link MovableClock.Source}
     */
    public static RunningNode start(Class<?> application, Map<String, Object> extra, Path dataDir, Class<?>... sources) {
        return start(application, List.of(), extra, dataDir, sources);
    }

    /** @param profiles e.g. {@code postgres} (application-postgres.yml) with the database in {@code extra} */
    public static RunningNode start(Class<?> application, List<String> profiles, Map<String, Object> extra, Path dataDir,
                                    Class<?>... sources) {
        return new RunningNode(run(application, profiles, extra, dataDir, sources));
    }

    protected static ConfigurableApplicationContext run(Class<?> application, List<String> profiles,
                                                        Map<String, Object> extra, Path dataDir, Class<?>... sources) {
        return new SpringApplicationBuilder(application)
                .sources(sources)
                .profiles(profiles.toArray(String[]::new))
                .run(arguments(extra, dataDir).toArray(String[]::new));
    }

    /** The command line of a test node: the settings every test node has, then the test's own {@code extra}. */
    static List<String> arguments(Map<String, Object> extra, Path dataDir) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("backbone.data-dir", dataDir.toString());
        properties.put("backbone.seed.file", "classpath:seed/test-province.json");
        properties.put("backbone.admin.password", ADMIN_PASSWORD);
        properties.put("db-scheduler.polling-interval", "500ms");
        // the cheapest BCrypt: every API call of the tests signs in with HTTP Basic, 60 ms each at the default 10
        properties.put("backbone.passwords.hash-cost", 4);
        // the stand-in VNeID server (mock-oauth2-server) brings FreeMarker onto the tests' class path, and with it
        // Spring Boot's FreeMarker views, which Backbone does not have: without this every page a test asked for was
        // looked up as a FreeMarker template too (added to what a test excludes itself: Spring Boot reads the setting
        // from one source only, so a test's own value would otherwise bring FreeMarker back)
        properties.putAll(extra);
        properties.merge(EXCLUDED, "org.springframework.boot.autoconfigure.freemarker.FreeMarkerAutoConfiguration",
                (own, freeMarker) -> own + "," + freeMarker);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    public String baseUrl() {
        int port = ((WebServerApplicationContext) running()).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }

    public Api admin() {
        return Api.basic(baseUrl(), "admin", ADMIN_PASSWORD);
    }

    public <T> T bean(Class<T> type) {
        return running().getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return running().getBean(name, type);
    }

    private ConfigurableApplicationContext running() {
        ConfigurableApplicationContext running = context;
        if (running == null) {
            throw new IllegalStateException("the node is closed");
        }
        return running;
    }

    @Override
    public void close() {
        ConfigurableApplicationContext closing = context;
        if (closing != null) {
            closing.close();
            context = null;
        }
    }
}
