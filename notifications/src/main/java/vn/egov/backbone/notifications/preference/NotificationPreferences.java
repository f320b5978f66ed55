package vn.egov.backbone.notifications.preference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.notifications.channel.PhoneNumbers;
import vn.egov.backbone.notifications.preference.api.PreferenceCommands;
import vn.egov.backbone.notifications.preference.api.PreferenceCommands.ChooseChannels;
import vn.egov.backbone.notifications.preference.api.PreferenceEvents.ChannelsChosen;

/** One official's choice of channels. */
@Aggregate
class NotificationPreferences {
    @AggregateIdentifier
    private String preferencesId;
    private ChannelsChosen current;

    NotificationPreferences() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChooseChannels command) {
        String phone = null;
        if (command.phone() != null && !command.phone().isBlank()) {
            phone = PhoneNumbers.international(command.phone())
                    .orElseThrow(() -> new InvalidInput("phone", PreferenceError.PHONE_FORMAT));
        }
        if ((command.sms() || command.zalo()) && phone == null) {
            throw new InvalidInput("phone", PreferenceError.PHONE_REQUIRED);
        }
        ChannelsChosen chosen = new ChannelsChosen(command.officialId(), command.email(), command.sms(), command.zalo(), phone);
        if (!chosen.equals(current)) {
            AggregateLifecycle.apply(chosen);
        }
    }

    @EventSourcingHandler
    void on(ChannelsChosen event) {
        preferencesId = PreferenceCommands.idOf(event.officialId());
        current = event;
    }
}
