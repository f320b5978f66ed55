package vn.egov.backbone.onestop.citizen;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import vn.egov.backbone.onestop.settings.OneStopProperties;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The citizens' side of the site ({@code /citizen/**}) and the OpenID Connect flow
 * ({@code /oauth2/authorization/vneid}, {@code /login/oauth2/code/vneid}), on when the provider is configured
 * ({@code spring.security.oauth2.client.registration.vneid.*}, README "Citizens' sign-in"). Authorization
 * code with PKCE (S256) even for a confidential client, as RFC 9700 advises. A session of a citizen
 * opens only the citizens' pages, and an official's session does not open them: each side requires its
 * own kind of sign-in. A token without a well-formed identity number and name is not a sign-in.
 *
 * <p>Every call to the provider (token, signing keys, user info) waits at most {@code backbone.public.provider-timeout}
 * to connect and then for each next bytes of the answer: Spring Security's clients set no timeout, so a provider that
 * took the request and said nothing held the citizen's request — a server thread — for as long as it did, and during
 * an outage enough citizens trying would have held them all, the officials' work with them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
@ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration.vneid", name = "client-id")
class CitizenSignInConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain citizens(HttpSecurity http, ClientRegistrationRepository registrations, OneStopProperties properties)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        ClientHttpRequestFactory provider = providerRequests(properties.citizens().providerTimeout());
        return http
                .securityMatcher("/citizen/**", "/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(authentication.get() instanceof OAuth2AuthenticationToken token
                                && token.getPrincipal() instanceof OidcUser user
                                && SignedInCitizen.of(user, properties.citizens()).isPresent())))
                .oauth2Login(login -> login
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O redirect) {
                                // the registration unknown (VNeID not reachable): say so, instead of Spring's 500
                                redirect.setAuthenticationFailureHandler((request, response, failure) ->
                                        response.sendRedirect(request.getContextPath() + "/public/sign-in?unavailable"));
                                return redirect;
                            }
                        })
                        .loginPage("/oauth2/authorization/vneid")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                        .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokenResponses(provider)))
                        .userInfoEndpoint(endpoint -> endpoint.oidcUserService(users(provider)))
                        .defaultSuccessUrl("/citizen/dossiers", true)
                        .failureUrl("/public/sign-in?error"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/public/sign-in?error"))
                .logout(logout -> logout.logoutUrl("/citizen/logout").logoutSuccessUrl("/public/sign-in?signedOut"))
                .build();
    }

    /**
     * The provider's registration, read when first needed ({@link ProviderRegistrations}): a provider that cannot be
     * reached does not stop the node's start. Replaces Spring Boot's, which reads it while the application starts.
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties, Clock clock) {
        return new ProviderRegistrations(properties, clock);
    }

    /**
     * The ID token's decoder per provider, as Spring Security's {@code OidcIdTokenDecoderFactory} makes it (RS256,
     * its validators and claim types) but fetching the provider's signing keys within the provider timeout: the
     * factory offers no way to set one. Found by type by the OpenID Connect login.
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders(OneStopProperties properties) {
        RestTemplate keys = providerRestTemplate(providerRequests(properties.citizens().providerTimeout()));
        Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
        return registration -> decoders.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).restOperations(keys).build();
            // Spring Security's validators of an ID token: expiry (one minute of skew), issuer, audience, nonce
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(new ClaimTypeConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
            return decoder;
        });
    }

    /** Connections to the provider: {@code timeout} to connect, and for each read of the answer (the socket's). */
    private static ClientHttpRequestFactory providerRequests(Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return requests;
    }

    /** Spring Security's client for the token endpoint, with its message converters and error handler, on {@code requests}. */
    private static RestClientAuthorizationCodeTokenResponseClient tokenResponses(ClientHttpRequestFactory requests) {
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(RestClient.builder().requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new StringHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return tokens;
    }

    /** The signed-in citizen from the ID token and the user info endpoint, read on {@code requests}. */
    private static OidcUserService users(ClientHttpRequestFactory requests) {
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(providerRestTemplate(requests));
        OidcUserService users = new OidcUserService();
        users.setOauth2UserService(userInfo);
        return users;
    }

    private static RestTemplate providerRestTemplate(ClientHttpRequestFactory requests) {
        RestTemplate rest = new RestTemplate(requests);
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        return rest;
    }
}
