package vn.egov.backbone.search.testing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Search with every module it indexes (core, e-office, meetings, one-stop) as a node, for search's own
 * feature tests. Not a {@code @Configuration}: started by name, never found by another node's scan.
 */
@EnableAutoConfiguration
@ComponentScan({"vn.egov.backbone.core", "vn.egov.backbone.eoffice", "vn.egov.backbone.meetings",
        "vn.egov.backbone.onestop", "vn.egov.backbone.search"})
public final class SearchModuleNode {
    private SearchModuleNode() {
    }
}
