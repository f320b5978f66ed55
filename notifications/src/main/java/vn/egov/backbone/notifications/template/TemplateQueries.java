package vn.egov.backbone.notifications.template;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;
import vn.egov.backbone.notifications.template.api.TemplateView;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The templates' query service: each kind's text as revised, or the default; and filling one in. */
@Service
public class TemplateQueries {
    private final JdbcClient jdbc;
    private final Map<NotificationKind, TemplateText> defaults = new EnumMap<>(NotificationKind.class);

    TemplateQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
        Properties file = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource("notifications/default-templates.properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (NotificationKind kind : NotificationKind.values()) {
            defaults.put(kind, TemplateText.checked(kind, file.getProperty(kind + ".subject"), file.getProperty(kind + ".body"),
                    file.getProperty(kind + ".short")));
        }
    }

    /** A message of {@code kind} with {@code values} filled in: subject, body and short text. */
    public TemplateView.Preview render(NotificationKind kind, Map<String, String> values) {
        return current(kind).fill(values);
    }

    public List<TemplateView> list() {
        return Arrays.stream(NotificationKind.values()).map(this::view).toList();
    }

    public TemplateView view(NotificationKind kind) {
        Optional<TemplateText> revised = revised(kind);
        TemplateText text = revised.orElse(defaults.get(kind));
        return new TemplateView(kind, text.subject(), text.body(), text.shortText(), kind.variables(), revised.isPresent());
    }

    TemplateText current(NotificationKind kind) {
        return revised(kind).orElse(defaults.get(kind));
    }

    Optional<Long> version(NotificationKind kind) {
        return jdbc.sql("SELECT version FROM notification_template WHERE kind = :kind").param("kind", kind.name())
                .query(Long.class).optional();
    }

    private Optional<TemplateText> revised(NotificationKind kind) {
        return jdbc.sql("SELECT subject, body, short_text FROM notification_template WHERE kind = :kind")
                .param("kind", kind.name())
                .query((rs, n) -> new TemplateText(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }
}
