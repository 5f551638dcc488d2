package io.kubelab.labs.yaml;

/** Where something is in a content file: what `lab validate` prints as file:line:column. */
public record Location(String file, int line, int column) {

    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
