package vn.egov.backbone.notifications.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/** An SMTP server in the test JVM (GreenMail on a free port) and what it received, read as a person reads mail. */
public final class Mailbox implements AutoCloseable {
    private final GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    public Mailbox() {
        server.start();
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    public List<MimeMessage> all() {
        return List.of(server.getReceivedMessages());
    }

    public List<MimeMessage> to(String address) {
        return all().stream().filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The mails to {@code address} whose subject contains {@code subjectPart}. */
    public List<MimeMessage> to(String address, String subjectPart) {
        return to(address).stream().filter(m -> subject(m).contains(subjectPart)).toList();
    }

    public List<String> subjects() {
        return all().stream().map(Mailbox::subject).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text as the reader sees it (decoded from quoted-printable). */
    public static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
