package vn.egov.backbone.distribution.kafka;

import org.junit.jupiter.api.Test;
import vn.egov.backbone.core.unit.api.UnitEvents.UnitCreated;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {
    record SomethingNew() {
    }

    @Test
    void eachContextHasItsTopicAndANewModuleDoesNotStopThePublisher() {
        assertThat(Topics.contextOf(IncomingDocumentRegistered.class)).isEqualTo("documents");
        assertThat(Topics.contextOf(UnitCreated.class)).isEqualTo("units-officials");
        assertThat(Topics.contextOf(SomethingNew.class)).isEqualTo("distribution");
        assertThat(Topics.contextOf(String.class)).isEqualTo("other");
    }
}
