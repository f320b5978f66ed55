package vn.egov.backbone.notifications.decision;

import org.springframework.stereotype.Component;
import vn.egov.backbone.notifications.channel.MessageChannel;
import vn.egov.backbone.notifications.outbox.CitizenContacts;
import vn.egov.backbone.notifications.outbox.Decision;
import vn.egov.backbone.notifications.outbox.Decision.RecipientKind;
import vn.egov.backbone.notifications.outbox.Outbox;
import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;
import vn.egov.backbone.notifications.preference.PreferenceQueries;
import vn.egov.backbone.notifications.preference.api.ChannelChoice;
import vn.egov.backbone.notifications.settings.NotificationProperties;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, once per event, who is told what — the notifications' projection of the event stream, in three
 * handlers of one processing group ({@link DocumentNotifications}, {@link MeetingNotifications},
 * {@link DossierNotifications}); here, what they share: the channels of each recipient and the outbox. Each
 * message goes to the outbox under a key made of the event's id (or the reminder's moment), the recipient
 * and the channel, so that a replay, an event delivered twice, or two nodes deciding the same event add
 * nothing. An event older than {@code max-event-age} when it is decided (history being rebuilt) tells
 * nobody; reminders are decided only for moments still ahead.
 *
 * <p>What a message may say is each handler's to decide: a classified document is named by its number and
 * "văn bản mật", never by its subject; a citizen's message says only what the citizen gave or was given.
 */
@Component
class Notifier {
    /** Dates as messages write them. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Outbox outbox;
    private final CitizenContacts citizens;
    private final PreferenceQueries preferences;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Set<Channel> configured = EnumSet.noneOf(Channel.class);

    Notifier(Outbox outbox, CitizenContacts citizens, PreferenceQueries preferences, NotificationProperties properties,
             Clock clock, List<MessageChannel> channels) {
        this.outbox = outbox;
        this.citizens = citizens;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
        channels.stream().filter(MessageChannel::configured).forEach(channel -> configured.add(channel.channel()));
    }

    void tellCitizen(String eventId, Instant at, NotificationKind kind, String dossierId, Map<String, String> facts) {
        if (stale(at)) {
            return;
        }
        citizens.contact(dossierId).ifPresent(contact -> {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("name", contact.name());
            data.put("trackingCode", contact.trackingCode());
            data.put("procedure", contact.procedure());
            data.putAll(facts);
            data.put("link", link("/public/dossiers/" + contact.trackingCode()));
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            if (contact.email() != null && !contact.email().isBlank() && configured.contains(Channel.EMAIL)) {
                channels.add(Channel.EMAIL);
            }
            if (contact.phone() != null && !contact.phone().isBlank()) {
                phoneChannel(true).ifPresent(channels::add);
            }
            for (Channel channel : channels) {
                outbox.decide(new Decision(eventId + ":" + dossierId + ":" + channel, kind, dossierId, RecipientKind.CITIZEN,
                        dossierId, channel, data, at), clock.instant());
            }
        });
    }

    void tellOfficial(String eventId, Instant at, NotificationKind kind, String aboutId, String officialId,
                              Map<String, String> data, Instant notBefore) {
        if (stale(at)) {
            return;
        }
        for (Channel channel : channelsOf(officialId)) {
            outbox.decide(new Decision(eventId + ":" + officialId + ":" + channel, kind, aboutId, RecipientKind.OFFICIAL,
                    officialId, channel, data, notBefore), clock.instant());
        }
    }

    /** A reminder for a moment still ahead, keyed by that moment: moved, it is a new reminder; repeated, the same. */
    void remind(NotificationKind kind, String aboutId, String officialId, Map<String, String> data, Instant when) {
        if (!when.isAfter(clock.instant())) {
            return;
        }
        for (Channel channel : channelsOf(officialId)) {
            outbox.decide(new Decision(kind + ":" + aboutId + ":" + when.getEpochSecond() + ":" + officialId + ":" + channel,
                    kind, aboutId, RecipientKind.OFFICIAL, officialId, channel, data, when), clock.instant());
        }
    }

    private Set<Channel> channelsOf(String officialId) {
        ChannelChoice choice = preferences.of(officialId);
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (choice.email() && configured.contains(Channel.EMAIL)) {
            channels.add(Channel.EMAIL);
        }
        if (choice.zalo()) {
            phoneChannel(true).ifPresent(channels::add);
        }
        if (choice.sms() && configured.contains(Channel.SMS)) {
            channels.add(Channel.SMS);
        }
        if (channels.contains(Channel.ZALO)) {
            channels.remove(Channel.SMS); // Zalo falls back to SMS by itself; not both
        }
        return channels;
    }

    /** Zalo when it is set up (SMS then follows by itself if Zalo cannot reach the number), else SMS. */
    private Optional<Channel> phoneChannel(boolean zaloWanted) {
        if (zaloWanted && configured.contains(Channel.ZALO)) {
            return Optional.of(Channel.ZALO);
        }
        return configured.contains(Channel.SMS) ? Optional.of(Channel.SMS) : Optional.empty();
    }

    boolean stale(Instant eventAt) {
        return eventAt.isBefore(clock.instant().minus(properties.maxEventAge()));
    }

    String link(String path) {
        String base = properties.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** At most 500 characters, as the tables and the messages take them: an event never fails to be decided on. */
    static String cut(String text) {
        return cut(text, 500);
    }

    static String cut(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
