package vn.egov.backbone.onestop.calendar;

import vn.egov.backbone.onestop.settings.OneStopProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * The province's working-day calendar. The government's yearly decisions go in the configuration:
 * {@code backbone.calendar.days-off} (e.g. the bridge days of Tết) and
 * {@code backbone.calendar.days-worked} (the Saturday worked in exchange, a make-up day the decision
 * moved elsewhere), ISO dates.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar(OneStopProperties settings) {
        return new WorkingCalendar(settings.calendar().daysOff(), settings.calendar().daysWorked());
    }
}
