package vn.egov.backbone.core.eventing;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Axon's db-scheduler deadline task, retried soon when it fails. A deadline is handled on the
 * aggregate directly, not through the command bus and its retry of lost races: when two deadlines
 * of one aggregate fire at the same moment (on two nodes, or two scheduler threads), one of them
 * loses the append and fails. db-scheduler's default would try it again only after five minutes; a
 * role granted until 17:00 must end at 17:00, so it is tried again within seconds, and keeps trying
 * with a pause growing by half each time (1 s, 1.5 s, 2.3 s …; the twentieth try is an hour later)
 * while the cause lasts.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getTaskName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<DbSchedulerBinaryDeadlineDetails>(
                        Duration.ofSeconds(1), 1.5))
                .execute((instance, execution) -> axon.execute(instance, execution));
    }
}
