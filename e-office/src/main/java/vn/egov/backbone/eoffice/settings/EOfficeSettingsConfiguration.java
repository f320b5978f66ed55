package vn.egov.backbone.eoffice.settings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EOfficeProperties.class)
class EOfficeSettingsConfiguration {
}
