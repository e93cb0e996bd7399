package dev.outage.alerting.notify.internal;

import dev.outage.alerting.config.Secret;

/**
 * The AUTH settings of one send; the secrets print as {@code <secret>}. Not part of the API.
 *
 * @param username the user name, empty for no AUTH
 * @param identity the PLAIN authorization identity, possibly empty
 * @param password the PLAIN/LOGIN password, or null
 * @param cramSecret the CRAM-MD5 secret, or null
 */
public record SmtpCredentials(String username, String identity, Secret password, Secret cramSecret) {}
