package vn.egov.backbone.core.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.unit.UnitQueries;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The pages speak Vietnamese whatever the browser's language (officials' browsers are often set to
 * English); {@code ?lang=en} switches to English and a cookie remembers it. The API answers in the
 * language its Accept-Language header prefers among Vietnamese and English, Vietnamese by default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    private final NavigationModel navigation;

    WebConfiguration(ObjectProvider<PendingWork> pendingWork, @Lazy OfficialQueries officials, @Lazy UnitQueries units,
                     Clock clock) {
        this.navigation = new NavigationModel(pendingWork, officials, units, clock);
    }

    /**
     * The notice a form leaves ("Đã lưu biên bản.") is kept for the page the browser opens next. A live page's own
     * background fetch of itself (live.js sends {@code X-Requested-With: live}) must not take it: a change told to
     * the page just as its form was sent made that fetch arrive before the browser followed the redirect, and the
     * user never saw what their action did.
     */
    @Bean(name = org.springframework.web.servlet.DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    org.springframework.web.servlet.FlashMapManager flashMapManager() {
        return new org.springframework.web.servlet.support.SessionFlashMapManager() {
            @Override
            protected List<org.springframework.web.servlet.FlashMap> retrieveFlashMaps(HttpServletRequest request) {
                return "live".equals(request.getHeader("X-Requested-With")) ? null : super.retrieveFlashMaps(request);
            }
        };
    }

    /**
     * The message bundles of {@code spring.messages.basename} that this node has. A module's node in its own tests
     * runs without the other modules, and Spring looked each missing bundle up again, and logged a warning, for
     * every message it resolved: 18,600 warnings in one-stop's tests alone, two thirds of the suite's log. The whole
     * Backbone has every bundle, and keeps them all.
     */
    @Bean
    static BeanPostProcessor messageBundlesPresentOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ResourceBundleMessageSource messages) {
                    ClassLoader loader = WebConfiguration.class.getClassLoader();
                    messages.setBasenames(messages.getBasenameSet().stream()
                            .filter(basename -> loader.getResource(basename.replace('.', '/') + ".properties") != null)
                            .toArray(String[]::new));
                }
                return bean;
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("backbone-lang");
        resolver.setDefaultLocaleFunction(WebConfiguration::defaultLanguage);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    static Locale defaultLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank() || !request.getRequestURI().startsWith("/api/")) {
            return VIETNAMESE;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return chosen == null ? VIETNAMESE : chosen;
        } catch (IllegalArgumentException malformed) {
            return VIETNAMESE;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(navigation);
    }
}
