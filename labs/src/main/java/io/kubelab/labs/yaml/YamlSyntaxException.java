package io.kubelab.labs.yaml;

/** The text is not valid YAML; the location is where the parser gave up. */
public class YamlSyntaxException extends Exception {
    private final Location location;

    public YamlSyntaxException(Location location, String message) {
        super(message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
