package vn.egov.backbone.core.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * A page that takes a file, sent without a multipart body (a form without its enctype, a script): Spring's argument
 * resolver throws {@link MultipartException} ("Current request is not a multipart request"), which none of Spring's
 * own resolvers maps to a status, so it ended as a 500. The API answers it 400 ({@code ApiExceptionHandler}); this
 * does the same for pages, after every other resolver, and the error page says why in the page's language
 * ({@link LocalisedErrorAttributes}). A malformed multipart body never gets here: {@link MultipartCheckFilter}
 * answers it first.
 */
@Component
class MultipartErrorResolver implements HandlerExceptionResolver, Ordered {
    private static final Logger log = LoggerFactory.getLogger(MultipartErrorResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception error) {
        if (!(error instanceof MultipartException)) {
            return null;
        }
        log.info("Request to {} refused: {}", request.getRequestURI(), error.getMessage());
        try {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
