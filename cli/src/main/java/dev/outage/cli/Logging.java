package dev.outage.cli;

/**
 * Sets up slf4j-simple, the only logging binding of outage: quiet unless {@code --verbose}.
 *
 * <p>slf4j-simple reads its settings once, when the first logger is made, so these calls must run
 * before any library class logs; picocli sets options before it calls a command.
 */
final class Logging {

    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {}

    static void configureDefaults() {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "warn");
        }
    }

    static void verbose(boolean verbose) {
        if (verbose) {
            System.setProperty(LEVEL, "debug");
        }
    }
}
