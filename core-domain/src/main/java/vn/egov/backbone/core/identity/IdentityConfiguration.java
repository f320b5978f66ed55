package vn.egov.backbone.core.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.egov.backbone.core.settings.CoreProperties;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder(CoreProperties settings) {
        return new BCryptPasswordEncoder(settings.passwords().hashCost());
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
