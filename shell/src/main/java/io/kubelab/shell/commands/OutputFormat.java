package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;

/** The -o values. Not every command has every format. */
public enum OutputFormat {
    text, json, junit;

    void refuse(OutputFormat unsupported) {
        if (this == unsupported) {
            throw LabException.badInput("-o " + name() + " is not available for this command; use text or json");
        }
    }
}
