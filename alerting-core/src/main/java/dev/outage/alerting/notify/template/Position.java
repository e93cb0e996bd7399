package dev.outage.alerting.notify.template;

/** A place in a template text, for error messages. */
record Position(String source, int line, int column) {

    TemplateException error(String reason) {
        return new TemplateException(source, line, column, reason);
    }
}
