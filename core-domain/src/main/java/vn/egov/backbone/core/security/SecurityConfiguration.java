package vn.egov.backbone.core.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import vn.egov.backbone.core.identity.ApiTokenStore;
import vn.egov.backbone.core.web.ProblemResponses;
import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.core.shared.Forbidden;
import vn.egov.backbone.core.shared.RequestError;
import vn.egov.backbone.core.identity.LoginThrottle;
import vn.egov.backbone.core.identity.OfficialUserDetailsService;
import vn.egov.backbone.core.identity.OfficialPrincipal;


/**
 * Three filter chains: Jitsi's callbacks (below), the API (HTTP Basic or a personal bearer token, no session, no CSRF since no
 * cookie authenticates it) and the web pages (form login with a session and CSRF protection).
 * Failed password sign-ins slow down the address that makes them ({@link ThrottledAuthentication}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * No Micrometer observation around each security filter: with actuator on the classpath Spring
     * Security wraps every filter of every chain in its own observation, a measurable share of a
     * registration's CPU (registration benchmark, README). Requests are still observed as a whole
     * ({@code http.server.requests}); failed logins are counted by {@link LoginAttemptListener}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Path patterns for every {@code securityMatcher}/{@code requestMatchers} given as text: matched
     * against the request path directly, not by asking Spring MVC's handler mappings which handler the
     * request would reach (the default when MVC is present, done for each matcher of each request).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Password sign-in (form and HTTP Basic) through {@link ThrottledAuthentication}: an address that keeps
     * guessing one account's password waits longer and longer; nobody else is locked out.
     */
    @Bean
    AuthenticationManager authenticationManager(OfficialUserDetailsService officials, PasswordEncoder encoder,
                                                AuthenticationEventPublisher events, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(officials);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottledAuthentication(provider, throttle));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /**
     * Jitsi's side: prosody's callbacks (mod_reservations, event_sync), which authenticate with their
     * configured header secret checked by the controllers, and the public key prosody fetches for RS256
     * tokens; and other systems' webhooks ({@code /webhooks/**}: Zalo's delivery receipts), each signed
     * with a secret the controller checks. No session, no CSRF, no login.
     */
    @Bean
    @Order(0)
    SecurityFilterChain jitsiCallbacks(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/jitsi/**", "/asap/**", "/webhooks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokenStore tokens,
                            OfficialUserDetailsService officials, ProblemResponses problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Backbone\", Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, RequestError.UNAUTHENTICATED);
        };
        AccessDeniedHandler denied = (request, response, e) ->
                problems.write(request, response, HttpStatus.FORBIDDEN,
                        e instanceof CodedError coded ? coded : new Forbidden(RequestError.FORBIDDEN));
        return http
                .securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .addFilterBefore(new BearerTokenFilter(tokens, officials, unauthenticated), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager,
                            OfficialUserDetailsService officials) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .addFilterAfter(new SessionValidityFilter(officials), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/public/**").permitAll() // the citizen's dossier lookup
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // an official's sign-in, not any: a citizen's session (VNeID) opens only the citizens' pages
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() != null && authentication.get().getPrincipal() instanceof OfficialPrincipal)))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(basic -> { }) // Prometheus scrapes /actuator/prometheus with Basic
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }
}
