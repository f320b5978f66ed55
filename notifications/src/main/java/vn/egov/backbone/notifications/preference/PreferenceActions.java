package vn.egov.backbone.notifications.preference;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventing.ReadYourWrites;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.shared.Commands;
import vn.egov.backbone.notifications.preference.api.ChannelChoice;
import vn.egov.backbone.notifications.preference.api.PreferenceCommands;
import vn.egov.backbone.notifications.preference.api.PreferenceCommands.ChooseChannels;

import java.time.Duration;

/** Each official reads and chooses their own channels; nobody chooses for another. */
@Service
class PreferenceActions {
    private final Commands commands;
    private final PreferenceQueries preferences;
    private final ReadYourWrites readYourWrites;

    PreferenceActions(Commands commands, PreferenceQueries preferences, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.preferences = preferences;
        this.readYourWrites = readYourWrites;
    }

    ChannelChoice mine() {
        return preferences.of(Authorizer.currentPrincipal().officialId());
    }

    ChannelChoice choose(boolean email, boolean sms, boolean zalo, String phone) {
        String me = Authorizer.currentPrincipal().officialId();
        commands.send(new ChooseChannels(me, email, sms, zalo, phone));
        readYourWrites.await(PreferenceCommands.idOf(me), () -> preferences.version(me), Duration.ofSeconds(10));
        return preferences.of(me);
    }
}
