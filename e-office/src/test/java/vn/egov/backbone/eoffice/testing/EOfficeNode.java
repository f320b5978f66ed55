package vn.egov.backbone.eoffice.testing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * E-office with core as a node, for e-office's own feature tests. Not a {@code @Configuration}: started by
 * name ({@code RunningNode.start(EOfficeNode.class, …)}), never found by another node's component scan.
 */
@EnableAutoConfiguration
@ComponentScan({"vn.egov.backbone.core", "vn.egov.backbone.eoffice"})
public final class EOfficeNode {
    private EOfficeNode() {
    }
}
