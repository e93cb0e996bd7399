/** Python venvs: PEP 440 versions and specifiers, PEP 508 requirements and markers, a static venv inspector that reports what {@code pip check} reports and more, and an import probe. */
package dev.outage.probe.python;
