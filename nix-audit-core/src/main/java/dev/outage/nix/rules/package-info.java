/**
 * The Nix rules, one class a rule, and {@link dev.outage.nix.rules.NixAudit}, which runs them all
 * over a tree of Nix files.
 */
package dev.outage.nix.rules;
