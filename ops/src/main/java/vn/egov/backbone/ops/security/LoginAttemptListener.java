package vn.egov.backbone.ops.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.identity.CredentialStore;

/** Counts failed logins (form and Basic alike) towards the lockout, and clears the count on success. */
@Component
class LoginAttemptListener {
    private final CredentialStore credentials;

    LoginAttemptListener(CredentialStore credentials) {
        this.credentials = credentials;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        credentials.recordFailedLogin(event.getAuthentication().getName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        credentials.recordSuccessfulLogin(event.getAuthentication().getName());
    }
}
