package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** UTF-8 mail, plain text or {@link Letter}s, through the configured SMTP server ({@code moim.mail.*}). */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    private static final String TIMEOUT_MILLIS = "10000";

    @Inject
    @ConfigProperty(name = "moim.mail.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "moim.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "moim.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "moim.mail.from", defaultValue = "Moim <no-reply@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = "moim.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "moim.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "moim.mail.starttls", defaultValue = "false")
    boolean starttls;

    /**
     * With mail disabled, where each mail goes instead (comma-separated): {@code log} writes it whole
     * to the server log, {@code page} keeps an account mail (not a notification mail) for the
     * administrators' outbox page ({@link MailOutbox}), {@code none} only names it in the log.
     */
    @Inject
    @ConfigProperty(name = "moim.mail.outbox", defaultValue = "log,page")
    String outbox;

    @Inject
    MailOutbox page;

    /** {@link #outbox} read once (the setting does not change while the server runs). */
    private volatile Set<String> modes;

    /**
     * Sends one mail; {@link MailFailed} when the server does not take it. With
     * {@code moim.mail.enabled=false} nothing is sent and the call succeeds (logged as
     * "mail disabled").
     */
    public void send(String to, String subject, String text) {
        send(to, subject, text, Map.of());
    }

    /** The same, with extra headers (e.g. {@code List-Unsubscribe}); their values are put on one line. */
    public void send(String to, String subject, String text, Map<String, String> headers) {
        subject = oneLine(subject);
        if (!enabled) {
            Set<String> modes = modes();
            // A notification mail (it has an unsubscribe address) quotes conversations: never on the administrators' page.
            boolean kept = modes.contains("page") && !headers.containsKey("List-Unsubscribe");
            if (modes.contains("log")) {
                LOG.log(Level.INFO, outboxEntry(to, subject, text, headers));
            } else {
                LOG.log(Level.INFO, "mail disabled (moim.mail.enabled=false): \"{0}\" to {1} not sent{2}",
                        new Object[] {subject, to, kept ? ", kept on the outbox page" : ""});
            }
            if (kept) {
                page.keep(oneLine(to), subject, text);
            }
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(oneLine(header.getKey()), oneLine(header.getValue()));
            }
            Transport.send(message);
        } catch (MessagingException e) {
            // The details (host, port, the server's words) are for the operator's log, not the job's owner.
            LOG.log(Level.WARNING, "SMTP " + host + ":" + port + " did not take the mail: " + e.getMessage(), e);
            throw new MailFailed("The mail server did not accept the mail; the server log has the details.", e);
        }
    }

    /**
     * Sends a {@link Letter}: {@code multipart/alternative} with its plain-text and HTML parts, and
     * the RFC 8058 unsubscribe headers when it has an unsubscribe address. Otherwise as
     * {@link #send(String, String, String)}: the local outbox writes the plain-text part.
     */
    public void send(String to, Letter letter) {
        String subject = oneLine(letter.subject());
        if (!enabled) {
            send(to, subject, letter.text(), letter.unsubscribeUrl()
                    .map(url -> Map.of("List-Unsubscribe", "<" + url + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
                    .orElse(Map.of()));
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(oneLine(to), true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(letter.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(letter.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            if (letter.unsubscribeUrl().isPresent()) {
                message.setHeader("List-Unsubscribe", "<" + oneLine(letter.unsubscribeUrl().get()) + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "SMTP " + host + ":" + port + " did not take the mail: " + e.getMessage(), e);
            throw new MailFailed("The mail server did not accept the mail; the server log has the details.", e);
        }
    }

    /** Whether mail leaves this server ({@code moim.mail.enabled}); when not, mails go to the local outbox. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether the outbox page is being filled: mail is off and {@code page} is one of the outbox's modes. */
    public boolean keepsOutboxPage() {
        return !enabled && modes().contains("page");
    }

    private Set<String> modes() {
        if (modes == null) {
            modes = outboxModes(outbox);
        }
        return modes;
    }

    /** The outbox's modes ({@code log}, {@code page}; {@code none} or nothing known: neither), unknown ones logged and ignored. */
    static Set<String> outboxModes(String setting) {
        Set<String> modes = new TreeSet<>();
        for (String mode : setting.split(",")) {
            String known = mode.strip().toLowerCase(Locale.ROOT);
            switch (known) {
                case "log", "page" -> modes.add(known);
                case "none", "" -> { }
                default -> LOG.log(Level.WARNING, "moim.mail.outbox: unknown mode \"{0}\" ignored (log, page or none)", known);
            }
        }
        return modes;
    }

    /** The local outbox: the whole mail, links included, for someone reading the server log. */
    static String outboxEntry(String to, String subject, String text) {
        return outboxEntry(to, subject, text, Map.of());
    }

    static String outboxEntry(String to, String subject, String text, Map<String, String> headers) {
        StringBuilder extra = new StringBuilder();
        headers.forEach((name, value) -> extra.append(oneLine(name)).append(": ").append(oneLine(value)).append("\n"));
        return "MAIL OUTBOX (moim.mail.enabled=false): not sent, written here instead\n"
                + "To: " + oneLine(to) + "\n"
                + "Subject: " + subject + "\n"
                + extra + "\n"
                + text.strip() + "\n"
                + "-- end of mail --";
    }

    /** A header value on one line: CR, LF and other line breaks never reach a header. */
    static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        properties.put("mail.mime.charset", StandardCharsets.UTF_8.name());
        if (starttls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Optional<String> user = username.filter(u -> !u.isBlank());
        if (user.isEmpty()) {
            return Session.getInstance(properties);
        }
        properties.put("mail.smtp.auth", "true");
        String secret = password.orElse("");
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.get(), secret);
            }
        });
    }
}
