package io.kubelab.labs.model;

import io.kubelab.labs.yaml.Location;

/**
 * Copies a file from the target to this machine (e.g. admin.conf into the lab's work folder).
 *
 * @param dest a local path; with several hosts it must use {{host.name}} so each gets its own file
 * @param mode octal permissions of the local copy; keys and kubeconfigs get 0600
 */
public record FetchAction(String src, String dest, String mode, String on, Location location) implements Action {
}
