package io.kubelab.labs.cloud;

import io.kubelab.checks.host.ExecResult;
import java.util.regex.Pattern;

/**
 * What a resource's describe command said: it is there (exit 0), it is gone (it failed saying
 * "not found"), or lab cannot tell — not logged in, no network — which is never taken for gone.
 *
 * @param said the last lines the command printed, for a message when lab cannot tell
 */
public record Look(Presence presence, String said) {

    public enum Presence { THERE, GONE, UNKNOWN }

    public static Look of(CloudResource r, ExecResult describe) {
        if (describe.ok()) {
            return new Look(Presence.THERE, "");
        }
        String out = describe.output();
        boolean gone = describe.outcome() == ExecResult.Outcome.EXITED
                && Pattern.compile(r.notFound(), Pattern.CASE_INSENSITIVE).matcher(out).find();
        return new Look(gone ? Presence.GONE : Presence.UNKNOWN, describe.tail(3));
    }

    public boolean gone() {
        return presence == Presence.GONE;
    }
}
