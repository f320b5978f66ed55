package vn.egov.backbone.distribution.testing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Publishing to Kafka with the modules whose events its tests publish — units and officials (core), documents
 * (e-office) and dossiers (one-stop) — as a node, for distribution's own tests. Not a {@code @Configuration}:
 * started by name, never found by another node's component scan.
 */
@EnableAutoConfiguration
@ComponentScan({"vn.egov.backbone.core", "vn.egov.backbone.eoffice", "vn.egov.backbone.onestop",
        "vn.egov.backbone.distribution"})
public final class DistributionNode {
    private DistributionNode() {
    }
}
