package vn.egov.backbone.search.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Search's settings ({@code backbone.search.*}).
 *
 * @param dir the node's own index on local disk; by default {@code <data dir>/search} (delete it to rebuild)
 */
@Validated
@ConfigurationProperties("backbone.search")
public record SearchProperties(Path dir) {
}
