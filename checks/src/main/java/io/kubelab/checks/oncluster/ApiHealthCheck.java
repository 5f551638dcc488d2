package io.kubelab.checks.oncluster;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kubelab.checks.BadParameterException;
import io.kubelab.checks.Check;
import io.kubelab.checks.CheckContext;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.Say;
import io.kubelab.checks.Params;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The API server's /readyz (or /livez) passes; when not, the failing lines of ?verbose are the observation. */
public record ApiHealthCheck(String endpoint) implements Check {

    public static ApiHealthCheck from(Params p) {
        String e = p.string("endpoint", "readyz");
        if (!e.equals("readyz") && !e.equals("livez")) {
            throw new BadParameterException("parameter 'endpoint' is readyz or livez (healthz is deprecated)");
        }
        return new ApiHealthCheck(e);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String call = "GET /" + endpoint + "?verbose";
        String expected = "/" + endpoint + " ok";
        return ClusterCall.run(ctx, expected, call, client -> {
            try {
                HttpClient http = client.getHttpClient();
                String url = client.getMasterUrl().toString().replaceAll("/$", "") + "/" + endpoint + "?verbose";
                HttpResponse<String> r = http.sendAsync(http.newHttpRequestBuilder().uri(url).build(), String.class)
                        .get(ctx.timeout().toMillis(), TimeUnit.MILLISECONDS);
                String body = r.body() == null ? "" : r.body();
                String evidence = ClusterCall.evidence(ctx, call);
                if (r.code() == 200) {
                    long checks = body.lines().filter(l -> l.startsWith("[+]")).count();
                    return CheckResult.pass(expected, ctx.say().t("{0} check passed ({1} checks ok)", endpoint, checks),
                            evidence);
                }
                List<String> failing = body.lines().filter(l -> l.startsWith("[-]")).toList();
                return CheckResult.fail(expected, "HTTP " + r.code() + ": " + (failing.isEmpty() ? body.strip()
                        : String.join("; ", failing)), evidence, hintFor(failing, ctx.say()));
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(new java.util.concurrent.TimeoutException("timed out"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static String hintFor(List<String> failing, Say say) {
        if (failing.stream().anyMatch(l -> l.contains("etcd"))) {
            return say.t("the API server cannot reach etcd: is etcd running (crictl ps / systemctl status etcd)?");
        }
        return say.t("the API server's log says why: crictl logs on the control plane, or journalctl -u kube-apiserver");
    }
}
