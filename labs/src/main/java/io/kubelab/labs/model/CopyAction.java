package io.kubelab.labs.model;

import io.kubelab.labs.yaml.Location;

/**
 * Copies a file to the target, replacing the destination atomically.
 *
 * @param src     a local file to copy (may use {{variables}}), or null when {@code content} is given
 * @param content the file's text, written in the lab (may use {{variables}}), or null
 * @param mode    octal permissions, e.g. "0644"
 * @param owner   "user" or "user:group", or null
 */
public record CopyAction(String src, String content, String dest, String mode, String owner, String on,
                         Location location) implements Action {
}
