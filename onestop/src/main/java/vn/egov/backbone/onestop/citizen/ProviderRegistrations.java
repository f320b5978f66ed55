package vn.egov.backbone.onestop.citizen;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The identity provider's registration, made from {@code spring.security.oauth2.client.*} when a citizen first signs
 * in rather than when the node starts. Spring Boot's own repository reads the provider's discovery document
 * ({@code issuer-uri}) while the application starts, and a provider that cannot be reached then stops the start
 * ("Connection refused"): during an outage of VNeID a node restarted — and with it the officials' whole work — would
 * not come up. Here a failed discovery is tried again at most every {@link #RETRY_AFTER}; meanwhile, and while another
 * request is reading it, the registration is unknown and the sign-in says VNeID cannot be reached. A discovery that
 * hangs holds the one request that makes it for up to 30 s (Spring Security's own timeouts for discovery); the
 * others are told at once.
 */
final class ProviderRegistrations implements ClientRegistrationRepository {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistrations.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final OAuth2ClientProperties properties;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Map<String, ClientRegistration> registrations;
    private volatile Instant nextAttempt = Instant.MIN;

    ProviderRegistrations(OAuth2ClientProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        Map<String, ClientRegistration> known = registrations;
        if (known == null) {
            known = read();
        }
        return known == null ? null : known.get(registrationId);
    }

    /** The registrations, read now if no other request is reading them and the last failure is old enough. */
    private Map<String, ClientRegistration> read() {
        if (clock.instant().isBefore(nextAttempt) || !reading.tryLock()) {
            return null;
        }
        try {
            if (registrations == null) {
                registrations = Map.copyOf(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
                LOG.info("Identity provider registrations read: {}", registrations.keySet());
            }
            return registrations;
        } catch (RuntimeException unreachable) {
            nextAttempt = clock.instant().plus(RETRY_AFTER);
            LOG.warn("The identity provider cannot be read now (tried again from {}): {}", nextAttempt,
                    rootMessage(unreachable));
            return null;
        } finally {
            reading.unlock();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
