package vn.egov.backbone.core.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The message of a {@link CodedError} in a language: the bundle's {@code error.<code>} with the error's
 * arguments, which are written as a reader of that language expects them (dates dd/MM/yyyy in Vietnam
 * time, an enum by its label in the bundle — {@code role.LEADER}, {@code clearance.SECRET} — numbers
 * without grouping, so that a year stays 2026).
 */
@Component
public class ErrorMessages {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorMessages.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(DisplayDates.VIETNAM);

    private final MessageSource messages;

    public ErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** In the language of the current request (Vietnamese unless it asked for another). */
    public String describe(CodedError error) {
        return describe(error, LocaleContextHolder.getLocale());
    }

    public String describe(CodedError error, Locale locale) {
        return describe(error.errorCode(), error.arguments(), locale);
    }

    public String describe(ErrorCode code, Object[] arguments, Locale locale) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = show(arguments[i], locale);
        }
        return messages.getMessage(key(code), shown, code.code(), locale);
    }

    /**
     * The message of any refusal a page shows. One without a code comes from a library (Spring Security's
     * "Access Denied", a parser's complaint): its English text goes to the log, the page says what kind of
     * refusal it was, as the API does.
     */
    public String describe(RuntimeException refusal) {
        if (refusal instanceof CodedError coded) {
            return describe(coded);
        }
        log.info("Refused without a code: {}", refusal.toString());
        ErrorCode kind = refusal instanceof org.springframework.security.access.AccessDeniedException
                ? RequestError.FORBIDDEN : RequestError.INVALID_INPUT;
        return describe(kind, new Object[0], LocaleContextHolder.getLocale());
    }

    public static String key(ErrorCode code) {
        return "error." + code.code();
    }

    private String show(Object argument, Locale locale) {
        return switch (argument) {
            case null -> "";
            case Label label -> messages.getMessage(label.key(), null, label.key(), locale);
            case LocalDate date -> DATE.format(date);
            case Instant instant -> TIME.format(instant);
            case Enum<?> constant -> {
                String type = constant.getDeclaringClass().getSimpleName();
                String key = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + constant.name();
                yield messages.getMessage(key, null, constant.name(), locale);
            }
            case Collection<?> values -> values.stream().map(value -> show(value, locale)).collect(Collectors.joining(", "));
            default -> String.valueOf(argument);
        };
    }
}
