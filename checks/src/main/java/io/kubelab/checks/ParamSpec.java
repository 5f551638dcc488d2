package io.kubelab.checks;

/** One parameter a check kind takes, as `lab checks` lists it and `lab validate` enforces it. */
public record ParamSpec(String name, ParamType type, boolean required, String description) {

    public static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, true, description);
    }

    public static ParamSpec optional(String name, ParamType type, String description) {
        return new ParamSpec(name, type, false, description);
    }
}
