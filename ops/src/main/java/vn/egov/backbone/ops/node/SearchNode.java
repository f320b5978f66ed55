package vn.egov.backbone.ops.node;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.egov.backbone.core.shared.RequestError;
import vn.egov.backbone.core.web.ProblemResponses;
import vn.egov.backbone.search.index.SearchConfiguration;

import java.io.IOException;
import java.util.List;

/**
 * A node that only serves search ({@code backbone.node.role=search}), so that search load scales on
 * its own machines: it builds its own index from the shared event store, like every node, but runs
 * no other projection (it claims no segments of the shared read models, publishes nothing to Kafka)
 * and answers nothing but search, sign-in and health; the load balancer sends it search traffic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "backbone.node.role", havingValue = "search")
class SearchNode {
    private static final Logger log = LoggerFactory.getLogger(SearchNode.class);

    /** Paths a search node answers: the search API and page, signing in, the style sheet and scripts, health. */
    static final List<String> SERVED = List.of("/api/v1/search", "/search", "/api/v1/me", "/login", "/logout", "/css/", "/js/",
            "/favicon.ico", "/error", "/actuator/");

    @EventListener(ApplicationReadyEvent.class)
    void onlyTheSearchIndex(ApplicationReadyEvent ready) {
        EventProcessingConfiguration processing = ready.getApplicationContext().getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().forEach((name, processor) -> {
            if (!name.equals(SearchConfiguration.PROCESSOR) && processor instanceof StreamingEventProcessor streaming) {
                streaming.shutDown();
                log.info("Search node: processor {} left to the other nodes", name);
            }
        });
    }

    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnProperty(name = "backbone.node.role", havingValue = "search")
    static class SearchOnly extends OncePerRequestFilter {
        private final ProblemResponses problems;

        SearchOnly(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/") || SERVED.stream().anyMatch(path::startsWith)) {
                chain.doFilter(request, response);
                return;
            }
            problems.write(request, response, HttpStatus.NOT_FOUND, RequestError.NOT_SERVED_HERE, path);
        }
    }
}
