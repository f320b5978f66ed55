package vn.egov.backbone.core.web;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.core.shared.ErrorCode;
import vn.egov.backbone.core.shared.ErrorMessages;
import vn.egov.backbone.core.shared.RequestError;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * What the error page ({@code templates/error.html}) and Spring Boot's JSON error body show for a request
 * that no controller answered (an unknown address, a method the address does not take, a page that failed):
 * a title and a message from the bundles in the page's language, and the same {@code code} as the API's
 * Problem Details — never Spring's English reason phrase or an exception's text.
 */
@Component
class LocalisedErrorAttributes extends DefaultErrorAttributes {
    private final ErrorMessages messages;
    private final MessageSource bundles;

    LocalisedErrorAttributes(ErrorMessages messages, MessageSource bundles) {
        this.messages = messages;
        this.bundles = bundles;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        int status = attributes.get("status") instanceof Integer value ? value : 500;
        Locale locale = LocaleContextHolder.getLocale();
        Throwable error = getError(request);
        String detail;
        String code;
        if (error instanceof CodedError coded) {
            detail = messages.describe(coded, locale);
            code = coded.code();
        } else {
            ErrorCode byStatus = error instanceof MultipartException && status == 400
                    ? RequestError.MALFORMED_MULTIPART : RequestErrors.forStatus(status);
            detail = messages.describe(byStatus, RequestErrors.arguments(byStatus, request), locale);
            code = byStatus.code();
        }
        String title = bundles.getMessage("errorPage.title." + status, null,
                bundles.getMessage("errorPage.title.other", null, String.valueOf(status), locale), locale);
        attributes.put("error", title);
        attributes.put("title", title);
        attributes.put("message", detail);
        attributes.put("detail", detail);
        attributes.put("code", code);
        attributes.put("type", URI.create(ProblemResponses.TYPE_BASE + code).toString());
        return attributes;
    }
}
