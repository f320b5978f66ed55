package vn.egov.backbone.notifications.template;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;

import vn.egov.backbone.notifications.template.api.TemplateView;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's three texts, with {@code {variable}} where a value goes. Filling is one pass: a value is
 * never read as a template itself (a citizen named "{link}" stays "{link}"), and nothing but the kind's
 * own variables can be named — there is no expression language for an administrator's text to reach.
 */
record TemplateText(String subject, String body, String shortText) {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    static TemplateText checked(NotificationKind kind, String subject, String body, String shortText) {
        require(subject, "subject", TemplateError.SUBJECT_REQUIRED, 300);
        require(body, "body", TemplateError.BODY_REQUIRED, 4000);
        require(shortText, "shortText", TemplateError.SHORT_TEXT_REQUIRED, 320);
        if (shortText.contains("\n") || shortText.contains("\r")) {
            throw new InvalidInput("shortText", TemplateError.SHORT_TEXT_ONE_LINE);
        }
        for (var field : Map.of("subject", subject, "body", body, "shortText", shortText).entrySet()) {
            Matcher m = VARIABLE.matcher(field.getValue());
            while (m.find()) {
                if (!kind.variables().contains(m.group(1))) {
                    throw new InvalidInput(field.getKey(), TemplateError.UNKNOWN_VARIABLE, "{" + m.group(1) + "}",
                            kind.variables().stream().map(v -> "{" + v + "}").collect(Collectors.joining(", ")));
                }
            }
        }
        return new TemplateText(subject.strip(), body.strip(), shortText.strip());
    }

    private static void require(String text, String field, TemplateError missing, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, missing);
        }
        if (text.length() > max) {
            throw new InvalidInput(field, TemplateError.TOO_LONG, max);
        }
    }

    TemplateView.Preview fill(Map<String, String> values) {
        return new TemplateView.Preview(fill(subject, values), fill(body, values), fill(shortText, values));
    }

    static String fill(String text, Map<String, String> values) {
        return VARIABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
}
