package vn.egov.backbone.core.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.egov.backbone.core.identity.LoginThrottle;
import vn.egov.backbone.core.shared.DisplayDates;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Password sign-in with a wait per account and client address ({@link LoginThrottle}). While the address
 * must wait, the password is not even checked, so guessing gains nothing; the account itself is never
 * locked, so five wrong passwords sent by a stranger do not shut its owner out, and API tokens are not
 * touched at all.
 */
final class ThrottledAuthentication implements AuthenticationProvider {
    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Instant blockedUntil = throttle.blockedUntil(username, address);
        if (blockedUntil != null) {
            throw new LockedException("Quá nhiều lần đăng nhập sai; hãy thử lại sau "
                    + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(DisplayDates.VIETNAM).format(blockedUntil));
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
