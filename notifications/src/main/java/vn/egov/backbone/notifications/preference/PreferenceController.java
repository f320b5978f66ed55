package vn.egov.backbone.notifications.preference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.notifications.preference.api.ChannelChoice;

/** The signed-in official's own notification channels. */
@RestController
@RequestMapping("/api/v1/me/notification-channels")
class PreferenceController {
    private final PreferenceActions actions;

    PreferenceController(PreferenceActions actions) {
        this.actions = actions;
    }

    record ChoiceBody(boolean email, boolean sms, boolean zalo, String phone) {
    }

    @GetMapping
    ChannelChoice mine() {
        return actions.mine();
    }

    @PutMapping
    ChannelChoice choose(@RequestBody ChoiceBody body) {
        return actions.choose(body.email(), body.sms(), body.zalo(), body.phone());
    }
}
