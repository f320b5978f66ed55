package vn.egov.backbone.notifications.outbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.backbone.core.official.OfficialQueries;
import vn.egov.backbone.core.shared.RetryPause;
import vn.egov.backbone.core.official.api.OfficialStatus;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.notifications.channel.ChannelAnswer;
import vn.egov.backbone.notifications.channel.MessageChannel;
import vn.egov.backbone.notifications.channel.OutgoingMessage;
import vn.egov.backbone.notifications.channel.PhoneNumbers;
import vn.egov.backbone.notifications.outbox.Decision.RecipientKind;
import vn.egov.backbone.notifications.outbox.Outbox.Due;
import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.outbox.api.DeliveryState;
import vn.egov.backbone.notifications.preference.PreferenceQueries;
import vn.egov.backbone.notifications.settings.NotificationProperties;
import vn.egov.backbone.notifications.template.TemplateQueries;
import vn.egov.backbone.notifications.template.api.TemplateView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends what is due. One db-scheduler task for the whole cluster: db-scheduler lets one node at a time run
 * it, so two nodes never hand the same message over together, and each message is also claimed row by row
 * ({@code PENDING → SENDING}). The address is looked up when the message goes (an official's current
 * e-mail, their chosen phone, the applicant's contact), the template filled then (an administrator's
 * revision applies to what still waits). A channel that fails is tried again after 30 s, 1 min, 2 min …
 * ({@code first-retry-after}, doubling, at most 6 h apart), until {@code max-attempts}.
 */
@Configuration(proxyBeanMethods = false)
public class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration MAX_PAUSE = Duration.ofHours(6);
    /** A handover that has not finished in this time was cut short by a stop of its node. */
    private static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(10);

    private final Outbox outbox;
    private final TemplateQueries templates;
    private final OfficialQueries officials;
    private final PreferenceQueries preferences;
    private final CitizenContacts citizens;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);
    private final AtomicLong completedRuns = new AtomicLong();

    Dispatcher(Outbox outbox, TemplateQueries templates, OfficialQueries officials, PreferenceQueries preferences,
               CitizenContacts citizens, NotificationProperties properties, Clock clock, List<MessageChannel> channels) {
        this.outbox = outbox;
        this.templates = templates;
        this.officials = officials;
        this.preferences = preferences;
        this.citizens = citizens;
        this.properties = properties;
        this.clock = clock;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
    }

    @Bean
    RecurringTask<Void> notificationDispatch() {
        return Tasks.recurring("notification-dispatch", Schedules.fixedDelay(properties.dispatchEvery()))
                .execute((instance, context) -> dispatchDue());
    }

    /** Sends every message due now, at most 500 a run (the rest next run). */
    public int dispatchDue() {
        if (!properties.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        outbox.releaseInterrupted(now.minus(INTERRUPTED_AFTER), now);
        int handled = 0;
        for (int round = 0; round < 5; round++) {
            List<Due> due = outbox.due(clock.instant(), 100);
            for (Due message : due) {
                if (outbox.claim(message.id(), clock.instant())) {
                    try {
                        dispatch(message);
                    } catch (RuntimeException e) {
                        // one broken message (a template, a lookup) must not stop the others
                        LOG.warn("Notification {} could not be handled", message.id(), e);
                        failOrRetry(message, null, "Backbone: " + e.getClass().getSimpleName());
                    }
                    handled++;
                }
            }
            if (due.size() < 100) {
                break;
            }
        }
        completedRuns.incrementAndGet();
        return handled;
    }

    /** Runs of {@link #dispatchDue()} this node finished: after two more, everything due before them was handled. */
    public long completedRuns() {
        return completedRuns.get();
    }

    private void dispatch(Due message) {
        Instant now = clock.instant();
        Optional<String> address = address(message);
        if (address.isEmpty()) {
            outbox.attempted(message.id(), message.attempts() + 1, now, "SKIPPED", "No address for this channel");
            outbox.settle(message.id(), DeliveryState.SKIPPED, message.attempts() + 1, null, now, now);
            return;
        }
        if (outbox.sentTo(message.recipientId(), now.minus(Duration.ofHours(1))) >= properties.perRecipientPerHour()) {
            // over the hourly limit: it waits (not counted as an attempt)
            outbox.settle(message.id(), DeliveryState.PENDING, message.attempts(), address.get(),
                    now.plus(Duration.ofMinutes(10)), now);
            return;
        }
        TemplateView.Preview text = templates.render(message.kind(), message.data());
        MessageChannel channel = channels.get(message.channel());
        ChannelAnswer answer = channel.configured()
                ? channel.send(new OutgoingMessage(message.id(), message.kind(), address.get(), text.subject(), text.body(),
                text.shortText(), message.data()))
                : ChannelAnswer.retry("Channel " + message.channel() + " is not configured on this node");
        int attempt = message.attempts() + 1;
        Instant at = clock.instant();
        switch (answer.outcome()) {
            case ACCEPTED -> {
                outbox.attempted(message.id(), attempt, at, "SENT", answer.answer());
                outbox.settle(message.id(), DeliveryState.SENT, attempt, address.get(), at, at);
                if (answer.messageId() != null) {
                    outbox.sentAs(message.id(), answer.messageId());
                }
            }
            case REFUSED -> {
                outbox.attempted(message.id(), attempt, at, "FAILED", answer.answer());
                outbox.settle(message.id(), DeliveryState.FAILED, attempt, address.get(), at, at);
            }
            case FALLBACK -> {
                outbox.attempted(message.id(), attempt, at, "FALLBACK", answer.answer());
                outbox.settle(message.id(), DeliveryState.FAILED, attempt, address.get(), at, at);
                if (message.channel() != Channel.SMS) {
                    outbox.decide(new Decision(message.dedupKey() + ":sms", message.kind(), message.aboutId(),
                            message.recipientKind(), message.recipientId(), Channel.SMS, message.data(), at), at);
                }
            }
            case RETRY -> failOrRetry(message, address.get(), answer.answer());
        }
    }

    private void failOrRetry(Due message, String address, String answer) {
        int attempt = message.attempts() + 1;
        Instant at = clock.instant();
        if (attempt >= properties.maxAttempts()) {
            outbox.attempted(message.id(), attempt, at, "FAILED", answer);
            outbox.settle(message.id(), DeliveryState.FAILED, attempt, address, at, at);
            return;
        }
        Duration pause = RetryPause.after(attempt, properties.firstRetryAfter(), MAX_PAUSE);
        outbox.attempted(message.id(), attempt, at, "RETRY", answer);
        outbox.settle(message.id(), DeliveryState.PENDING, attempt, address, at.plus(pause), at);
    }

    private Optional<String> address(Due message) {
        if (message.recipientKind() == RecipientKind.CITIZEN) {
            return citizens.contact(message.aboutId()).flatMap(contact -> switch (message.channel()) {
                case EMAIL -> Optional.ofNullable(contact.email()).filter(e -> !e.isBlank());
                case SMS, ZALO -> PhoneNumbers.international(contact.phone());
            });
        }
        return switch (message.channel()) {
            case EMAIL -> officials.find(message.recipientId())
                    .filter(official -> official.status() == OfficialStatus.ACTIVE)
                    .map(OfficialView::email).filter(email -> email != null && !email.isBlank());
            case SMS, ZALO -> Optional.ofNullable(preferences.of(message.recipientId()).phone());
        };
    }
}
