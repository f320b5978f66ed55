package vn.egov.backbone.onestop.settings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OneStopProperties.class)
class OneStopSettingsConfiguration {
}
