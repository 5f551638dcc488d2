package io.kubelab.checks.certs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Subject alternative names compared as TLS clients compare them: an IP address by its value
 * ({@code ::1} is {@code 0:0:0:0:0:0:0:1}), a DNS name without regard to case.
 */
public final class Names {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Names() {
    }

    /** Whether a SAN as {@link CertificateCheck#sans} lists it ("IP:...") is the IP address {@code wanted}. */
    static boolean sameIp(String san, String wanted) {
        if (!san.startsWith("IP:")) {
            return false;
        }
        byte[] a = literal(san.substring(3));
        byte[] b = literal(wanted.strip());
        return a != null && b != null ? Arrays.equals(a, b) : san.substring(3).equals(wanted.strip());
    }

    static boolean sameDns(String san, String wanted) {
        return san.startsWith("DNS:") && san.substring(4).toLowerCase(Locale.ROOT)
                .equals(wanted.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * A SAN as {@link CertificateCheck#sans} lists it, in the form two equal names share: an IP by
     * its value ("IP:0:0:0:0:0:0:0:1" for ::1), a DNS name in lower case.
     */
    public static String comparable(String san) {
        if (san.startsWith("IP:")) {
            return ipLiteral(san.substring(3)).map(a -> "IP:" + a.getHostAddress()).orElse(san);
        }
        return san.startsWith("DNS:") ? "DNS:" + san.substring(4).toLowerCase(Locale.ROOT) : san;
    }

    /** An IP literal's address ("10.32.0.1", "::1", "[::1]"); empty for a name: names are never looked up. */
    public static java.util.Optional<InetAddress> ipLiteral(String s) {
        byte[] a = literal(s.strip());
        try {
            return a == null ? java.util.Optional.empty() : java.util.Optional.of(InetAddress.getByAddress(a));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    /** The address of an IP literal; null when it is not one (never a name lookup). */
    private static byte[] literal(String s) {
        String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
