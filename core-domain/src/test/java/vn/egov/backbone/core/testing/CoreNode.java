package vn.egov.backbone.core.testing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Core alone as a node: units, officials, identity, the API's errors and security, the event store. Not a
 * {@code @Configuration}: it is started by name ({@link RunningNode#start}), never found by another node's
 * component scan.
 */
@EnableAutoConfiguration
@ComponentScan("vn.egov.backbone.core")
public final class CoreNode {
    private CoreNode() {
    }
}
