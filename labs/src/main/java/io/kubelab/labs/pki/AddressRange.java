package io.kubelab.labs.pki;

import io.kubelab.checks.certs.Names;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A range of addresses written as CIDR ("10.32.0.0/24"). Its first address is the one Kubernetes
 * gives the {@code kubernetes} service, so the API server's certificate must name it.
 */
public record AddressRange(InetAddress network, int prefix) {

    public static AddressRange parse(String cidr) {
        String[] parts = cidr.strip().split("/", -1);
        InetAddress a = parts.length == 2 ? Names.ipLiteral(parts[0]).orElse(null) : null;
        int max = a == null ? 0 : a.getAddress().length * 8;
        int prefix = parts.length == 2 && parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
        if (a == null || prefix < 0 || prefix >= max) {
            throw new IllegalArgumentException("'" + cidr + "' is not an address range like 10.32.0.0/24");
        }
        BigInteger hostBits = BigInteger.ONE.shiftLeft(max - prefix).subtract(BigInteger.ONE);
        BigInteger net = new BigInteger(1, a.getAddress()).andNot(hostBits);
        return new AddressRange(address(net, a.getAddress().length), prefix);
    }

    /** The network's address plus one: 10.32.0.1 for 10.32.0.0/24. */
    public InetAddress first() {
        return address(new BigInteger(1, network.getAddress()).add(BigInteger.ONE), network.getAddress().length);
    }

    private static InetAddress address(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // length is 4 or 16
        }
    }
}
