package dev.outage.alerting.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the alertmanager.yml for an {@link AlertmanagerProcess} that {@link
 * AlertmanagerExtension} injects: on the parameter or field, else on the test method, else on
 * the test class. Without it the process runs with one receiver, {@code blackhole}, that
 * notifies nobody.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface AlertmanagerConfig {

    /** Returns the configuration as YAML text; ignored when {@link #resource()} is set. */
    String value() default "";

    /** Returns a class-path resource holding the configuration, relative to the test class. */
    String resource() default "";
}
