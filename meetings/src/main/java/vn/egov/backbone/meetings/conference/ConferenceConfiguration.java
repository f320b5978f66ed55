package vn.egov.backbone.meetings.conference;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JitsiProperties.class)
class ConferenceConfiguration {
}
