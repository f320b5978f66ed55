package vn.egov.backbone.core.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import jakarta.servlet.DispatcherType;

import java.time.Duration;

/**
 * The style sheet, the scripts (every module's, under {@code static/js}), the icon and the web jars (the KPI
 * page's chart library). Pages link them by names that hold their content's hash ({@code /css/backbone-<md5>.css},
 * written by Thymeleaf's {@code @{...}} through {@link ResourceUrlEncodingFilter}), and a browser keeps them for a
 * year: it fetches them again only when they change. Before, every page load fetched them again (Spring Security
 * marks every answer no-store), which a commune hall on a slow line paid with each click.
 * <p>
 * Each kind is mapped under its own path, not under Spring Boot's catch-all {@code /**}: with the catch-all, the
 * filter looked every link of every page up in the class path's jars (a crawl of the pages took a third longer).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {
    private static final CacheControl KEPT_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        versioned(registry, "/css/**", "classpath:/static/css/");
        versioned(registry, "/js/**", "classpath:/static/js/");
        versioned(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
        // browsers ask for /favicon.ico by that name, so it cannot carry a hash: kept a day
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    private static void versioned(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern).addResourceLocations(location).setCacheControl(KEPT_A_YEAR)
                .resourceChain(true).addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    /** Rewrites the links pages make with {@code @{...}} to the hashed names (also on error pages). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
