/**
 * The vocabulary of every audit: a {@link dev.outage.nix.finding.Finding} is one violation of a
 * {@link dev.outage.nix.finding.Rule}, with a {@link dev.outage.nix.finding.Severity} and a
 * {@link dev.outage.nix.finding.Location}. Nix is the first input; Prometheus, Alertmanager and
 * probe adapters speak the same words.
 */
package dev.outage.nix.finding;
