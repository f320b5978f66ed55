package vn.egov.backbone.search.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.backbone.core.settings.CoreProperties;
import vn.egov.backbone.search.settings.SearchProperties;

import java.io.IOException;

/** The node's index, in {@code backbone.search.dir} or under the data directory ({@link SearchConfiguration} uses it). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchIndexConfiguration {

    @Bean
    SearchIndex searchIndex(CoreProperties node, SearchProperties settings, ObjectMapper json) throws IOException {
        return new SearchIndex(node.underDataDir(settings.dir(), "search").toString(), json);
    }
}
