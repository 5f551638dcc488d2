package io.kubelab.labs.cloud;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * One billable thing lab creates in the learner's cloud account, as the ledger records it before
 * the create command runs. The commands are kept as they were rendered then, so the resource can
 * be deleted — by the teardown, or by hand from `lab resources` — even after the lab's variables
 * changed.
 *
 * @param provider  aws, gcp or azure
 * @param kind      what it is, in the lab's words (gke-cluster, eks-cluster, resource-group)
 * @param where     its region or zone
 * @param group     the Azure resource group it is in, or ""
 * @param account   the account, project or subscription, or "" when the CLI's default is used
 * @param perHour   the estimated price per hour in US dollars, as the lab states it
 * @param priced    when that price was checked ("2026-11")
 * @param delete    the command that deletes it
 * @param describe  the command that shows it, failing once it is gone
 * @param notFound  what {@code describe} prints when it is gone (a regular expression)
 */
public record CloudResource(String lab, String provider, String kind, String name, String where, String group,
                            String account, Instant since, BigDecimal perHour, String priced, String delete,
                            String describe, String notFound) {

    public CloudResource {
        group = group == null ? "" : group;
        account = account == null ? "" : account;
    }

    /** What identifies it in the ledger: a lab records one resource of a kind and name in one place once. */
    public String id() {
        return lab + "/" + kind + "/" + name + "@" + where;
    }

    /** "gke-cluster demo". */
    public String what() {
        return kind + " " + name;
    }

    /** "gcp us-central1-a, project p" — where to look for it in the provider's console. */
    public String place() {
        StringBuilder s = new StringBuilder(provider).append(' ').append(where);
        if (!group.isEmpty()) {
            s.append(", resource group ").append(group);
        }
        if (!account.isEmpty()) {
            s.append(", ").append(accountWord()).append(' ').append(account);
        }
        return s.toString();
    }

    private String accountWord() {
        return switch (provider) {
            case "gcp" -> "project";
            case "azure" -> "subscription";
            default -> "account";
        };
    }

    public Duration age(Instant now) {
        Duration d = Duration.between(since, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The estimate of what it has cost since it was recorded, to the cent. */
    public BigDecimal costSoFar(Instant now) {
        BigDecimal hours = BigDecimal.valueOf(age(now).toSeconds()).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
        return perHour.multiply(hours).setScale(2, RoundingMode.HALF_UP);
    }

    /** "$0.10/h" */
    public String rate() {
        return "$" + perHour.setScale(2, RoundingMode.HALF_UP).toPlainString() + "/h";
    }
}
