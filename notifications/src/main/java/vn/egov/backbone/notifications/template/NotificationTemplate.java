package vn.egov.backbone.notifications.template;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.notifications.template.api.TemplateCommands;
import vn.egov.backbone.notifications.template.api.TemplateCommands.ReviseTemplate;
import vn.egov.backbone.notifications.template.api.TemplateEvents.TemplateRevised;

import java.util.Objects;

/** The template of one kind of message: born at its first revision, the default until then. */
@Aggregate
class NotificationTemplate {
    @AggregateIdentifier
    private String templateId;
    private TemplateText text;

    NotificationTemplate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReviseTemplate command) {
        TemplateText revised = TemplateText.checked(command.kind(), command.subject(), command.body(), command.shortText());
        if (Objects.equals(revised, text)) {
            return; // saved twice: nothing changed
        }
        AggregateLifecycle.apply(
                new TemplateRevised(command.kind(), revised.subject(), revised.body(), revised.shortText()));
    }

    @EventSourcingHandler
    void on(TemplateRevised event) {
        templateId = TemplateCommands.idOf(event.kind());
        text = new TemplateText(event.subject(), event.body(), event.shortText());
    }
}
