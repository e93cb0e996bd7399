package dev.outage.alerting.notify.internal;

import dev.outage.alerting.config.EmailConfig;
import dev.outage.alerting.notify.DeliveryResult;
import dev.outage.alerting.notify.EmailNotifier;
import dev.outage.alerting.notify.FailureKind;
import dev.outage.alerting.notify.RenderedEmail;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * One SMTP attempt with Angus Mail, each failure classified by the step that failed. AUTH is
 * done here rather than by Angus so that CRAM-MD5 is available and the step is known. Not part
 * of the API.
 */
public final class SmtpConversation {

    private static final List<String> ADDRESS_HEADERS = List.of("to", "from", "cc", "reply-to");

    private SmtpConversation() {}

    /** Makes one attempt and returns its outcome, with {@code attempt} as the attempt count. */
    public static DeliveryResult send(
            EmailNotifier notifier, SmtpCredentials credentials, RenderedEmail email, int attempt) {
        EmailConfig config = notifier.config();
        Properties properties;
        try {
            properties = properties(notifier);
        } catch (IOException e) {
            return new DeliveryResult.Failed(FailureKind.TLS, false, e.getMessage(), attempt);
        }
        Session session = Session.getInstance(properties);
        MimeMessage message;
        try {
            message = message(session, notifier, email);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new DeliveryResult.Failed(FailureKind.MESSAGE, false, "building the message: " + e.getMessage(), 0);
        }
        SMTPTransport transport = null;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
            try {
                transport.connect();
            } catch (MessagingException e) {
                return connectFailure(e, config, attempt);
            }
            DeliveryResult.Failed authFailure = authenticate(transport, credentials, attempt);
            if (authFailure != null) {
                return authFailure;
            }
            try {
                transport.sendMessage(message, recipients(email));
            } catch (MessagingException e) {
                return sendFailure(e, attempt);
            }
            String reply = transport.getLastServerResponse();
            return new DeliveryResult.Delivered(
                    email.recipients(), email.subject(), reply == null ? "" : reply.strip(), attempt);
        } catch (MessagingException e) {
            return new DeliveryResult.Failed(FailureKind.CONNECTION, true, describe(e), attempt);
        } finally {
            close(transport);
        }
    }

    private static Properties properties(EmailNotifier notifier) throws IOException {
        EmailConfig config = notifier.config();
        Properties p = new Properties();
        String timeout = Long.toString(notifier.timeout().toMillis());
        p.setProperty("mail.smtp.host", config.smarthost().host());
        p.setProperty("mail.smtp.port", config.smarthost().port());
        p.setProperty("mail.smtp.localhost", config.hello().isEmpty() ? "localhost" : config.hello());
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", "false");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        if (notifier.implicitTls() || config.requireTls()) {
            p.put(
                    "mail.smtp.ssl.socketFactory",
                    TlsSocketFactory.create(
                            config.tlsConfig(), config.smarthost().host()));
        }
        if (notifier.implicitTls()) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        } else if (config.requireTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    private static MimeMessage message(Session session, EmailNotifier notifier, RenderedEmail email)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setSentDate(Date.from(notifier.clock().instant()));
        for (Map.Entry<String, String> header : email.headers().entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (ADDRESS_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                message.setHeader(
                        name, InternetAddress.toString(InternetAddress.parseHeader(value, false), name.length() + 2));
            } else {
                // not folded: folding drops trailing blanks, which Alertmanager's subjects keep
                message.setHeader(name, MimeUtility.encodeText(value, "UTF-8", "Q"));
            }
        }
        MimeMultipart body = new MimeMultipart("alternative");
        if (!email.text().isEmpty()) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), "UTF-8", "plain");
            body.addBodyPart(text);
        }
        if (!email.html().isEmpty()) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), "UTF-8", "html");
            body.addBodyPart(html);
        }
        message.setContent(body);
        session.getProperties().setProperty("mail.smtp.from", email.from());
        message.saveChanges();
        return message;
    }

    private static Address[] recipients(RenderedEmail email) throws MessagingException {
        List<Address> addresses = new ArrayList<>();
        for (String recipient : email.recipients()) {
            addresses.add(new InternetAddress(recipient, true));
        }
        return addresses.toArray(Address[]::new);
    }

    // ---- AUTH ----

    private static DeliveryResult.Failed authenticate(SMTPTransport transport, SmtpCredentials credentials, int attempt)
            throws MessagingException {
        if (credentials.username().isEmpty() || !transport.supportsExtension("AUTH")) {
            return null;
        }
        String offered = transport.getExtensionParameter("AUTH");
        for (String mechanism : offered.toUpperCase(Locale.ROOT).split("\\s+")) {
            switch (mechanism) {
                case "CRAM-MD5" -> {
                    if (credentials.cramSecret() != null) {
                        return cramMd5(transport, credentials, attempt);
                    }
                }
                case "PLAIN" -> {
                    if (credentials.password() != null) {
                        String token = credentials.identity() + "\0" + credentials.username() + "\0"
                                + credentials.password().reveal();
                        return step(transport, "AUTH PLAIN " + base64(token), 235, "PLAIN", attempt);
                    }
                }
                case "LOGIN" -> {
                    if (credentials.password() != null) {
                        return login(transport, credentials, attempt);
                    }
                }
                default -> {
                    // not a mechanism we speak; look at the next one
                }
            }
        }
        return new DeliveryResult.Failed(
                FailureKind.AUTH,
                false,
                "no usable AUTH mechanism: the server offers " + offered
                        + "; CRAM-MD5 needs auth_secret, PLAIN and LOGIN need auth_password or auth_password_file",
                attempt);
    }

    private static DeliveryResult.Failed login(SMTPTransport transport, SmtpCredentials credentials, int attempt)
            throws MessagingException {
        DeliveryResult.Failed failed = step(transport, "AUTH LOGIN", 334, "LOGIN", attempt);
        if (failed == null) {
            failed = step(transport, base64(credentials.username()), 334, "LOGIN", attempt);
        }
        if (failed == null) {
            failed = step(transport, base64(credentials.password().reveal()), 235, "LOGIN", attempt);
        }
        return failed;
    }

    private static DeliveryResult.Failed cramMd5(SMTPTransport transport, SmtpCredentials credentials, int attempt)
            throws MessagingException {
        DeliveryResult.Failed failed = step(transport, "AUTH CRAM-MD5", 334, "CRAM-MD5", attempt);
        if (failed != null) {
            return failed;
        }
        String reply = transport.getLastServerResponse().strip();
        byte[] challenge = Base64.getMimeDecoder().decode(reply.length() > 4 ? reply.substring(4) : "");
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(credentials.cramSecret().reveal().getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            String digest = HexFormat.of().formatHex(mac.doFinal(challenge));
            return step(transport, base64(credentials.username() + " " + digest), 235, "CRAM-MD5", attempt);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            return new DeliveryResult.Failed(
                    FailureKind.AUTH, false, "CRAM-MD5 unavailable: " + e.getMessage(), attempt);
        }
    }

    private static DeliveryResult.Failed step(
            SMTPTransport transport, String command, int expected, String mechanism, int attempt)
            throws MessagingException {
        int code = transport.simpleCommand(command);
        if (code == expected) {
            return null;
        }
        String reply = transport.getLastServerResponse();
        return new DeliveryResult.Failed(
                FailureKind.AUTH,
                code >= 400 && code < 500,
                "AUTH " + mechanism + " failed: " + (reply == null ? "no reply" : reply.strip()),
                attempt);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- classification ----

    private static DeliveryResult.Failed connectFailure(MessagingException e, EmailConfig config, int attempt) {
        String target = config.smarthost().toString();
        if (hasCause(e, SSLException.class)
                || hasCause(e, CertificateException.class)
                // Angus' wording when the STARTTLS handshake breaks off (the peer dropped it)
                || String.valueOf(e.getMessage()).contains("convert socket to TLS")) {
            return new DeliveryResult.Failed(
                    FailureKind.TLS, false, "TLS with " + target + " failed: " + describe(e), attempt);
        }
        if (String.valueOf(e.getMessage()).contains("STARTTLS")) {
            return new DeliveryResult.Failed(
                    FailureKind.TLS,
                    false,
                    "require_tls is true, but " + target + " does not offer STARTTLS (" + describe(e) + ")",
                    attempt);
        }
        if (e instanceof AuthenticationFailedException) {
            return new DeliveryResult.Failed(FailureKind.AUTH, false, describe(e), attempt);
        }
        if (e instanceof MailConnectException || hasCause(e, IOException.class)) {
            return new DeliveryResult.Failed(
                    FailureKind.CONNECTION, true, "connecting to " + target + ": " + describe(e), attempt);
        }
        String message = describe(e);
        return new DeliveryResult.Failed(
                FailureKind.CONNECTION, message.startsWith("4"), "greeting from " + target + ": " + message, attempt);
    }

    private static DeliveryResult.Failed sendFailure(MessagingException e, int attempt) {
        if (e instanceof SMTPSenderFailedException sender) {
            return new DeliveryResult.Failed(
                    FailureKind.SENDER,
                    isTransient(sender.getReturnCode()),
                    "MAIL FROM refused: " + reply(sender),
                    attempt);
        }
        List<SMTPAddressFailedException> refused = new ArrayList<>();
        for (Exception next = e; next instanceof MessagingException m; next = m.getNextException()) {
            if (next instanceof SMTPAddressFailedException address) {
                refused.add(address);
            }
        }
        if (!refused.isEmpty()) {
            boolean allTransient = refused.stream().allMatch(r -> isTransient(r.getReturnCode()));
            StringBuilder reason = new StringBuilder("RCPT TO refused:");
            for (SMTPAddressFailedException r : refused) {
                reason.append(' ')
                        .append(r.getAddress())
                        .append(": ")
                        .append(reply(r))
                        .append(';');
            }
            reason.setLength(reason.length() - 1);
            return new DeliveryResult.Failed(FailureKind.RCPT, allTransient, reason.toString(), attempt);
        }
        if (e instanceof SMTPSendFailedException failed) {
            String command = String.valueOf(failed.getCommand());
            boolean retry = isTransient(failed.getReturnCode());
            if (command.startsWith("MAIL")) {
                return new DeliveryResult.Failed(
                        FailureKind.SENDER, retry, "MAIL FROM refused: " + reply(failed), attempt);
            }
            String step = command.equals("DATA") ? "DATA refused: " : "message rejected at end of DATA: ";
            return new DeliveryResult.Failed(FailureKind.DATA, retry, step + reply(failed), attempt);
        }
        if (e instanceof SendFailedException) {
            return new DeliveryResult.Failed(FailureKind.RCPT, false, describe(e), attempt);
        }
        return new DeliveryResult.Failed(
                FailureKind.CONNECTION, true, "connection lost while sending: " + describe(e), attempt);
    }

    private static boolean isTransient(int code) {
        return code >= 400 && code < 500;
    }

    private static String reply(MessagingException e) {
        return String.valueOf(e.getMessage()).strip();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable cause = e.getCause();
        if (cause != null
                && cause != e
                && cause.getMessage() != null
                && !out.toString().contains(cause.getMessage())) {
            out.append(" (")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append(')');
        }
        return out.toString();
    }

    private static void close(SMTPTransport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // the notification outcome is already decided; a failed QUIT changes nothing
        }
    }
}
