package vn.egov.backbone.onestop.testing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The one-stop desk with core as a node, for one-stop's own feature tests (on H2, and on PostgreSQL with the
 * profile {@code postgres} and a {@code TestPostgres} database). Not a {@code @Configuration}: started by name, never
 * found by another node's component scan.
 */
@EnableAutoConfiguration
@ComponentScan({"vn.egov.backbone.core", "vn.egov.backbone.onestop"})
public final class OneStopNode {
    private OneStopNode() {
    }
}
