package vn.egov.backbone.onestop.citizen;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import vn.egov.backbone.onestop.settings.OneStopProperties;

/**
 * The citizens' side of the site ({@code /citizen/**}) and the OpenID Connect flow
 * ({@code /oauth2/authorization/vneid}, {@code /login/oauth2/code/vneid}), on when the provider is configured
 * ({@code spring.security.oauth2.client.registration.vneid.*}, README "Citizens' sign-in"). Authorization
 * code with PKCE (S256) even for a confidential client, as RFC 9700 advises. A session of a citizen
 * opens only the citizens' pages, and an official's session does not open them: each side requires its
 * own kind of sign-in. A token without a well-formed identity number and name is not a sign-in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration.vneid", name = "client-id")
class CitizenSignInConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain citizens(HttpSecurity http, ClientRegistrationRepository registrations, OneStopProperties properties)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return http
                .securityMatcher("/citizen/**", "/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(authentication.get() instanceof OAuth2AuthenticationToken token
                                && token.getPrincipal() instanceof OidcUser user
                                && SignedInCitizen.of(user, properties.citizens()).isPresent())))
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/vneid")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                        .defaultSuccessUrl("/citizen/dossiers", true)
                        .failureUrl("/public/sign-in?error"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/public/sign-in?error"))
                .logout(logout -> logout.logoutUrl("/citizen/logout").logoutSuccessUrl("/public/sign-in?signedOut"))
                .build();
    }
}
