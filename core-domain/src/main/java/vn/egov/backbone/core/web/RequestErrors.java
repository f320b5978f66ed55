package vn.egov.backbone.core.web;

import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import vn.egov.backbone.core.shared.ErrorCode;
import vn.egov.backbone.core.shared.RequestError;

/** The code of an answer that only has an HTTP status (from the framework, the servlet container, a filter). */
final class RequestErrors {
    private RequestErrors() {
    }

    static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> RequestError.INVALID_INPUT;
            case 401 -> RequestError.UNAUTHENTICATED;
            case 403 -> RequestError.FORBIDDEN;
            case 404 -> RequestError.NOT_FOUND;
            case 405 -> RequestError.METHOD_NOT_ALLOWED;
            case 406 -> RequestError.NOT_ACCEPTABLE;
            case 409 -> RequestError.CONCURRENT_UPDATE;
            case 413 -> RequestError.TOO_LARGE;
            case 415 -> RequestError.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RequestError.TOO_MANY_REQUESTS;
            case 503 -> RequestError.UNAVAILABLE;
            default -> RequestError.INTERNAL_ERROR;
        };
    }

    /** The method or the content type the message names. */
    static Object[] arguments(ErrorCode code, WebRequest request) {
        return arguments(code, request instanceof ServletWebRequest servlet ? servlet.getRequest() : null);
    }

    static Object[] arguments(ErrorCode code, jakarta.servlet.http.HttpServletRequest request) {
        if (request == null) {
            return new Object[]{""};
        }
        if (code == RequestError.METHOD_NOT_ALLOWED) {
            return new Object[]{request.getMethod()};
        }
        if (code == RequestError.UNSUPPORTED_MEDIA_TYPE) {
            return new Object[]{request.getHeader("Content-Type")};
        }
        return new Object[]{""};
    }
}
