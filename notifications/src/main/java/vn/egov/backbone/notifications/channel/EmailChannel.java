package vn.egov.backbone.notifications.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.settings.NotificationProperties;

import java.nio.charset.StandardCharsets;

/**
 * E-mail over SMTP through Spring Mail ({@code spring.mail.host}, …). Plain text in UTF-8: nothing of a
 * message is ever read as HTML. An SMTP server's permanent refusal of the recipient (5xx) ends the message;
 * anything else (no connection, a 4xx, authentication) is tried again.
 */
@Component
class EmailChannel implements MessageChannel {
    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public ChannelAnswer send(OutgoingMessage message) {
        JavaMailSender mail = sender.getObject();
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(new InternetAddress(message.address(), true));
            // a subject is one line: a line break from a template or a document's subject cannot add headers
            helper.setSubject(message.subject().replaceAll("[\\r\\n]+", " "));
            helper.setText(message.body(), false);
            mime.setHeader("X-Backbone-Notification", Long.toString(message.trackingId()));
            mail.send(mime);
            return ChannelAnswer.accepted("SMTP: accepted");
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return ChannelAnswer.refused("Address or message not valid: " + e.getMessage());
        } catch (MailException e) {
            return permanentlyRefused(e) ? ChannelAnswer.refused("SMTP: " + rootMessage(e))
                    : ChannelAnswer.retry("SMTP: " + rootMessage(e));
        }
    }

    private static boolean permanentlyRefused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode() >= 500;
            }
            if (cause instanceof SendFailedException failed && failed.getNextException() != null
                    && failed.getNextException() != cause && permanentlyRefused(failed.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = String.valueOf(root.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
