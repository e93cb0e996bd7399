package dev.outage.alerting.notify.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs parsed nodes against template data. Not thread-safe: one evaluator a rendering. */
final class Evaluator {

    private static final int MAX_DEPTH = 100;

    private final Map<String, List<Node>> definitions;
    private final boolean html;
    private final StringBuilder out = new StringBuilder();
    private final List<String> variableNames = new ArrayList<>();
    private final List<Object> variableValues = new ArrayList<>();
    private int depth;

    Evaluator(Map<String, List<Node>> definitions, boolean html) {
        this.definitions = definitions;
        this.html = html;
    }

    String run(List<Node> nodes, Object data) throws TemplateException {
        declare("$", data);
        walk(nodes, data);
        return out.toString();
    }

    private void walk(List<Node> nodes, Object dot) throws TemplateException {
        for (Node node : nodes) {
            walk(node, dot);
        }
    }

    private void walk(Node node, Object dot) throws TemplateException {
        if (node instanceof Node.Text text) {
            out.append(text.text());
        } else if (node instanceof Node.Action action) {
            Object value = pipeline(action.pipeline(), dot);
            if (action.pipeline().declarations().isEmpty()) {
                emit(value);
            }
        } else if (node instanceof Node.If branch) {
            conditional(branch.condition(), branch.then(), branch.otherwise(), dot, false);
        } else if (node instanceof Node.With with) {
            conditional(with.value(), with.then(), with.otherwise(), dot, true);
        } else if (node instanceof Node.Range range) {
            range(range, dot);
        } else if (node instanceof Node.Call call) {
            call(call, dot);
        }
    }

    private void emit(Object value) {
        if (html && !(value instanceof Values.SafeHtml)) {
            out.append(Functions.escapeHtml(Values.print(value)));
        } else {
            out.append(Values.print(value));
        }
    }

    private void conditional(Node.Pipeline pipeline, List<Node> then, List<Node> otherwise, Object dot, boolean with)
            throws TemplateException {
        int mark = variableNames.size();
        Object value = pipeline(pipeline, dot);
        if (Values.truth(value)) {
            walk(then, with ? value : dot);
        } else {
            walk(otherwise, dot);
        }
        truncate(mark);
    }

    private void range(Node.Range range, Object dot) throws TemplateException {
        int mark = variableNames.size();
        Node.Pipeline pipeline = range.items();
        Object items = pipeline(new Node.Pipeline(pipeline.position(), List.of(), pipeline.commands()), dot);
        List<Object[]> elements = Values.elements(items);
        if (elements == null) {
            throw pipeline.position().error("range can't iterate over " + Values.print(items));
        }
        for (Object[] element : elements) {
            int inner = variableNames.size();
            List<String> names = pipeline.declarations();
            if (names.size() == 1) {
                declare(names.get(0), element[1]);
            } else if (names.size() == 2) {
                declare(names.get(0), element[0]);
                declare(names.get(1), element[1]);
            }
            walk(range.body(), element[1]);
            truncate(inner);
        }
        if (elements.isEmpty()) {
            walk(range.otherwise(), dot);
        }
        truncate(mark);
    }

    private void call(Node.Call call, Object dot) throws TemplateException {
        List<Node> body = definitions.get(call.name());
        if (body == null) {
            throw call.position().error("no such template \"" + call.name() + "\"");
        }
        if (++depth > MAX_DEPTH) {
            throw call.position().error("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object argument = call.argument() == null ? null : pipeline(call.argument(), dot);
        List<String> savedNames = new ArrayList<>(variableNames);
        List<Object> savedValues = new ArrayList<>(variableValues);
        variableNames.clear();
        variableValues.clear();
        declare("$", argument);
        walk(body, argument);
        variableNames.clear();
        variableValues.clear();
        variableNames.addAll(savedNames);
        variableValues.addAll(savedValues);
        depth--;
    }

    private Object pipeline(Node.Pipeline pipeline, Object dot) throws TemplateException {
        Object value = null;
        boolean piped = false;
        for (Node.Command command : pipeline.commands()) {
            value = command(command, dot, piped, value);
            piped = true;
        }
        for (String name : pipeline.declarations()) {
            declare(name, value);
        }
        return value;
    }

    private Object command(Node.Command command, Object dot, boolean piped, Object input) throws TemplateException {
        List<Node.Operand> operands = command.operands();
        Node.Operand head = operands.get(0);
        List<Object> args = new ArrayList<>();
        for (Node.Operand operand : operands.subList(1, operands.size())) {
            args.add(operand(operand, dot));
        }
        if (piped) {
            args.add(input);
        }
        if (head instanceof Node.Function function) {
            return Functions.call(function.name(), args, function.position());
        }
        if (head instanceof Node.Field field) {
            return field(field, dot, args);
        }
        if (!args.isEmpty()) {
            throw head.position().error("can't give argument to non-function");
        }
        return operand(head, dot);
    }

    private Object operand(Node.Operand operand, Object dot) throws TemplateException {
        if (operand instanceof Node.Constant constant) {
            return constant.value();
        } else if (operand instanceof Node.Variable variable) {
            return variable(variable);
        } else if (operand instanceof Node.Nested nested) {
            return pipeline(nested.pipeline(), dot);
        } else if (operand instanceof Node.Field field) {
            return field(field, dot, List.of());
        } else if (operand instanceof Node.Function function) {
            return Functions.call(function.name(), List.of(), function.position());
        }
        return dot;
    }

    private Object field(Node.Field field, Object dot, List<Object> args) throws TemplateException {
        Object receiver = field.receiver() == null ? dot : operand(field.receiver(), dot);
        List<String> names = field.names();
        for (int i = 0; i < names.size(); i++) {
            boolean last = i == names.size() - 1;
            receiver = Values.field(receiver, names.get(i), last ? args : List.of(), field.position());
        }
        return receiver;
    }

    private Object variable(Node.Variable variable) throws TemplateException {
        for (int i = variableNames.size() - 1; i >= 0; i--) {
            if (variableNames.get(i).equals(variable.name())) {
                return variableValues.get(i);
            }
        }
        throw variable.position().error("undefined variable: " + variable.name());
    }

    private void declare(String name, Object value) {
        variableNames.add(name);
        variableValues.add(value);
    }

    private void truncate(int size) {
        while (variableNames.size() > size) {
            variableNames.remove(variableNames.size() - 1);
            variableValues.remove(variableValues.size() - 1);
        }
    }
}
