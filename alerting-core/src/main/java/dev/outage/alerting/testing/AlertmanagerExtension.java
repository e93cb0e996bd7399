package dev.outage.alerting.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContextException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests a {@link FakeAlertmanager} or a real {@link
 * AlertmanagerProcess} and closes it afterwards.
 *
 * <pre>{@code
 * @ExtendWith(AlertmanagerExtension.class)
 * class SenderTest {
 *     static AlertmanagerProcess shared;          // one real Alertmanager for the class
 *
 *     @Test
 *     void survivesAWrappedOnlyReceiver(FakeAlertmanager fake) { ... }   // a fresh fake per test
 *
 *     @Test
 *     void reachesRealAlertmanager(
 *             @AlertmanagerConfig("route: {receiver: r}\nreceivers: [{name: r}]") AlertmanagerProcess am) { ... }
 * }
 * }</pre>
 *
 * <p>Parameters of both types get a new instance per test method. Fields of both types that are
 * null get one too: static fields once per class, instance fields before each test. The
 * configuration of a real Alertmanager comes from {@link AlertmanagerConfig}. A missing
 * Alertmanager binary fails the test with install advice; it is never skipped.
 *
 * <p>JUnit Jupiter's API is an optional dependency of this library: add it to the test class
 * path to use the extension.
 */
public final class AlertmanagerExtension implements ParameterResolver, BeforeAllCallback, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AlertmanagerExtension.class);
    private static final String DEFAULT_CONFIG = """
            route:
              receiver: blackhole
            receivers:
              - name: blackhole
            """;

    /** Creates the extension; JUnit calls this through {@code @ExtendWith}. */
    public AlertmanagerExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeAlertmanager.class || type == AlertmanagerProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return create(parameter.getParameter().getType(), parameter.getParameter(), context);
        } catch (IOException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                inject(field, null, context);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : instance.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    inject(field, instance, context);
                }
            }
        }
    }

    private void inject(Field field, Object instance, ExtensionContext context) throws IOException {
        Class<?> type = field.getType();
        if (type != FakeAlertmanager.class && type != AlertmanagerProcess.class) {
            return;
        }
        try {
            field.setAccessible(true);
            if (field.get(instance) == null) {
                field.set(instance, create(type, field, context));
            }
        } catch (IllegalAccessException e) {
            throw new ExtensionContextException("cannot inject " + field + ": " + e.getMessage(), e);
        }
    }

    private Object create(Class<?> type, AnnotatedElement element, ExtensionContext context) throws IOException {
        AutoCloseable resource = type == FakeAlertmanager.class
                ? FakeAlertmanager.start()
                : AlertmanagerProcess.start(config(element, context));
        // The store closes AutoCloseable values when the context (test method or class) ends.
        context.getStore(NAMESPACE).put(new Object(), resource);
        return resource;
    }

    private static String config(AnnotatedElement element, ExtensionContext context) {
        Optional<AlertmanagerConfig> annotation = Optional.ofNullable(element.getAnnotation(AlertmanagerConfig.class))
                .or(() -> context.getTestMethod().map(m -> m.getAnnotation(AlertmanagerConfig.class)))
                .or(() -> context.getTestClass().map(c -> c.getAnnotation(AlertmanagerConfig.class)));
        if (annotation.isEmpty()) {
            return DEFAULT_CONFIG;
        }
        AlertmanagerConfig config = annotation.get();
        if (config.resource().isEmpty()) {
            return config.value().isEmpty() ? DEFAULT_CONFIG : config.value();
        }
        Class<?> testClass = context.getRequiredTestClass();
        try (InputStream in = testClass.getResourceAsStream(config.resource())) {
            if (in == null) {
                throw new ExtensionContextException("Alertmanager configuration resource " + config.resource()
                        + " not found next to " + testClass.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + config.resource() + " failed", e);
        }
    }
}
