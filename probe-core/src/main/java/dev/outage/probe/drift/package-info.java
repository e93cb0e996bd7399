/** Version drift: the version a service runs against the version installed. */
package dev.outage.probe.drift;
