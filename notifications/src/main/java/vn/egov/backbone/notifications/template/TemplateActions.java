package vn.egov.backbone.notifications.template;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.core.shared.NotFound;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;
import vn.egov.backbone.notifications.template.api.TemplateCommands;
import vn.egov.backbone.notifications.template.api.TemplateCommands.ReviseTemplate;
import vn.egov.backbone.notifications.template.api.TemplateView;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The templates' application service: system administrators read, preview and revise them. */
@Service
class TemplateActions {
    /** What a preview fills in: values of the shape real ones have. */
    private static final Map<String, String> EXAMPLE = Map.ofEntries(
            Map.entry("name", "Nguyễn Văn An"), Map.entry("trackingCode", "H41.23-261204-0001"),
            Map.entry("procedure", "Đăng ký khai sinh"), Map.entry("appointmentOn", "08/12/2026"),
            Map.entry("newAppointmentOn", "10/12/2026"), Map.entry("resolvedOn", "07/12/2026"),
            Map.entry("reason", "Thiếu bản sao giấy chứng sinh"), Map.entry("number", "125/UBND-VP"),
            Map.entry("subject", "Về việc triển khai kế hoạch chuyển đổi số năm 2027"), Map.entry("deadline", "15/12/2026"),
            Map.entry("meeting", "Họp giao ban tháng 12"), Map.entry("startsAt", "08:00 ngày 10/12/2026"),
            Map.entry("location", "Phòng họp số 1, UBND tỉnh"), Map.entry("link", "https://backbone.example.gov.vn/…"));

    private final Commands commands;
    private final TemplateQueries templates;
    private final Authorizer authorizer;
    private final ReadYourWrites readYourWrites;

    TemplateActions(Commands commands, TemplateQueries templates, Authorizer authorizer, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.templates = templates;
        this.authorizer = authorizer;
        this.readYourWrites = readYourWrites;
    }

    List<TemplateView> list() {
        authorizer.require(Role.ADMINISTRATOR, null);
        return templates.list();
    }

    TemplateView revise(String kindName, String subject, String body, String shortText) {
        authorizer.require(Role.ADMINISTRATOR, null);
        NotificationKind kind = kind(kindName);
        commands.send(new ReviseTemplate(kind, subject, body, shortText));
        readYourWrites.await(TemplateCommands.idOf(kind), () -> templates.version(kind), Duration.ofSeconds(10));
        return templates.view(kind);
    }

    /** The text as it would be sent, before it is saved: checked like a revision, filled with example values. */
    TemplateView.Preview preview(String kindName, String subject, String body, String shortText) {
        authorizer.require(Role.ADMINISTRATOR, null);
        NotificationKind kind = kind(kindName);
        Map<String, String> values = new LinkedHashMap<>();
        kind.variables().forEach(variable -> values.put(variable, EXAMPLE.getOrDefault(variable, variable)));
        return TemplateText.checked(kind, subject, body, shortText).fill(values);
    }

    static NotificationKind kind(String name) {
        try {
            return NotificationKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound(TemplateError.KIND_UNKNOWN, name);
        }
    }
}
