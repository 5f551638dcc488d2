package io.kubelab.labs.values;

/**
 * Fills in {@code {{variables}}}: into a text as they are (a path, a file's content, a title), or
 * into a shell command as words of data ({@link Template#renderShell}).
 */
public interface Render {

    String text(String template);

    String shell(String command);
}
