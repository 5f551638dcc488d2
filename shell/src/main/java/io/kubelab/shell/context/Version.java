package io.kubelab.shell.context;

import picocli.CommandLine.IVersionProvider;

/** `lab --version`: this build's version (from the jar manifest) and the Java it runs on. */
public final class Version implements IVersionProvider {

    public static String number() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lab " + number() + " (Java " + Runtime.version() + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ")"};
    }
}
