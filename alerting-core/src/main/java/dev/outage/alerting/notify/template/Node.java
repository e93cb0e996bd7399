package dev.outage.alerting.notify.template;

import java.util.List;

/** The parsed form of a template: text, actions and control structures. */
sealed interface Node {

    /** Literal text copied to the output. */
    record Text(String text) implements Node {}

    /** An action that prints the value of its pipeline, or only declares a variable. */
    record Action(Position position, Pipeline pipeline) implements Node {}

    /** {@code if}/{@code else}: the else part may be empty. */
    record If(Position position, Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {}

    /** {@code with}: like if, but sets dot to the value. */
    record With(Position position, Pipeline value, List<Node> then, List<Node> otherwise) implements Node {}

    /** {@code range}: runs the body once per element, the else part when there is none. */
    record Range(Position position, Pipeline items, List<Node> body, List<Node> otherwise) implements Node {}

    /** {@code template "name" pipeline}: runs a defined template with the value as dot. */
    record Call(Position position, String name, Pipeline argument) implements Node {}

    /**
     * A pipeline: commands joined by {@code |}, optionally declaring variables.
     *
     * @param declarations variable names (with {@code $}) declared by {@code :=}, possibly empty
     */
    record Pipeline(Position position, List<String> declarations, List<Command> commands) {}

    /** One command of a pipeline: a function or method with arguments, or a single operand. */
    record Command(Position position, List<Operand> operands) {}

    /** An argument or head of a command. */
    sealed interface Operand {
        Position position();
    }

    /** {@code .}: the current value. */
    record Dot(Position position) implements Operand {}

    /** A field chain such as {@code .Alerts.Firing} applied to the receiver (dot when null). */
    record Field(Position position, Operand receiver, List<String> names) implements Operand {}

    /** A variable such as {@code $} or {@code $alert}. */
    record Variable(Position position, String name) implements Operand {}

    /** A function name such as {@code toUpper}. */
    record Function(Position position, String name) implements Operand {}

    /** A string, number or boolean constant. */
    record Constant(Position position, Object value) implements Operand {}

    /** A parenthesised pipeline. */
    record Nested(Position position, Pipeline pipeline) implements Operand {}
}
