package vn.egov.backbone.meetings.testing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Meetings with what they build on (core, e-office) as a node, for meetings' own feature tests. Not a
 * {@code @Configuration}: started by name, never found by another node's component scan.
 */
@EnableAutoConfiguration
@ComponentScan({"vn.egov.backbone.core", "vn.egov.backbone.eoffice", "vn.egov.backbone.meetings"})
public final class MeetingsNode {
    private MeetingsNode() {
    }
}
