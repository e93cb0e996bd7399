package dev.outage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Supplies {@code --version} from the version the build wrote into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {

    /** Returns the version of this build, such as {@code 0.1.0}. */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version resource", e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"outage " + version()};
    }
}
