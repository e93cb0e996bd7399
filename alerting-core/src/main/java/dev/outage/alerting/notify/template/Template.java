package dev.outage.alerting.notify.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled template text, made by {@link TemplateSet#compile}. Immutable and thread-safe.
 */
public final class Template {

    private final String source;
    private final List<Node> nodes;
    private final Map<String, List<Node>> definitions;

    Template(String source, List<Node> nodes, Map<String, List<Node>> definitions) {
        this.source = source;
        this.nodes = nodes;
        this.definitions = definitions;
    }

    /** Returns the name of the text, as given to {@link TemplateSet#compile}. */
    public String source() {
        return source;
    }

    /**
     * Renders the text as Go's text/template does with {@code missingkey=zero}.
     *
     * @throws TemplateException when a value has the wrong type for a field or function
     */
    public String render(TemplateData data) throws TemplateException {
        return run(data, false);
    }

    /**
     * Renders the text for HTML: the output of every action is HTML-escaped unless it comes
     * from {@code safeHtml}. Unlike Go's html/template the escaping does not depend on the
     * context (attribute, URL, script), so values in {@code href} are escaped as text only.
     *
     * @throws TemplateException when a value has the wrong type for a field or function
     */
    public String renderHtml(TemplateData data) throws TemplateException {
        return run(data, true);
    }

    private String run(TemplateData data, boolean html) throws TemplateException {
        Objects.requireNonNull(data, "data");
        try {
            return new Evaluator(definitions, html).run(nodes, data);
        } catch (StackOverflowError e) {
            // deep template calls times deep nesting can exhaust a small thread stack
            throw new TemplateException(source, 1, 1, "template calls nest too deeply for the thread's stack");
        }
    }

    @Override
    public String toString() {
        return "Template[" + source + "]";
    }
}
