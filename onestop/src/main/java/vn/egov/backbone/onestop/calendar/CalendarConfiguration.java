package vn.egov.backbone.onestop.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.List;

/**
 * The province's working-day calendar. The government's yearly decisions go in the configuration:
 * {@code backbone.calendar.days-off} (e.g. the bridge days of Tết) and
 * {@code backbone.calendar.days-worked} (the Saturday worked in exchange, a make-up day the decision
 * moved elsewhere), ISO dates.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar(@Value("${backbone.calendar.days-off:}") List<LocalDate> daysOff,
                                    @Value("${backbone.calendar.days-worked:}") List<LocalDate> worked) {
        return new WorkingCalendar(daysOff, worked);
    }
}
