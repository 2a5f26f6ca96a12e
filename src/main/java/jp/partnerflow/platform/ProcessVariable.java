package jp.partnerflow.platform;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable read by its name and type, so no step casts what it reads: an id is a long
 * whether the engine stored it as Long or Integer (the REST API's forms send Integer), and a missing
 * or mistyped variable is a clear failure naming it. The names stay constants of each process's
 * {@code *Process} class (the models and {@code ModelBindingTest} use them).
 */
public final class ProcessVariable<T> {
    private final String name;
    private final Function<Object, T> read;

    private ProcessVariable(String name, Function<Object, T> read) {
        this.name = name;
        this.read = read;
    }

    /** A document's id (Long or Integer in the engine). */
    public static ProcessVariable<Long> id(String name) {
        return new ProcessVariable<>(name, value -> value instanceof Number number ? number.longValue() : null);
    }

    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, value -> value instanceof String text ? text : null);
    }

    public String name() {
        return name;
    }

    /** The variable as the step needs it; fails naming it when it is missing or of another type. */
    public T from(VariableScope scope) {
        return optionalFrom(scope).orElseThrow(() -> new IllegalStateException(
                "process variable " + name + " is missing or not what the step reads: " + scope.getVariable(name)));
    }

    public Optional<T> optionalFrom(VariableScope scope) {
        return Optional.ofNullable(scope.getVariable(name)).map(read);
    }
}
