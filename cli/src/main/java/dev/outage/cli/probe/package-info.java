/** Printing and argument helpers of the {@code outage probe} and {@code outage gate} commands. */
package dev.outage.cli.probe;
