package org.lunchrush.edge.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Finds the client's address for throttling: the socket's peer, unless that peer is a
 * configured trusted proxy, in which case {@code X-Forwarded-For} is read from the right
 * (the entries the trusted proxies appended) to the first address that is not a trusted
 * proxy. Entries further left were written by the client and could be anything. An IPv6
 * client is counted by its /64, the block one subscriber gets.
 * <p>
 * A trusted proxy is an address or a CIDR range ({@code 10.244.0.0/16}): on Kubernetes
 * the ingress controller's pods get a new address at every restart, from the pod
 * network's range. Spring Security's {@link IpAddressMatcher} compares them.
 */
final class ClientAddresses {

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final List<IpAddressMatcher> trustedProxies;

	ClientAddresses(List<String> trustedProxies) {
		List<IpAddressMatcher> trusted = new ArrayList<>();
		for (String entry : trustedProxies) {
			String proxy = entry.strip();
			if (proxy.isEmpty()) {
				continue;
			}
			int slash = proxy.indexOf('/');
			String address = (slash < 0) ? proxy : proxy.substring(0, slash);
			String prefix = (slash < 0) ? "0" : proxy.substring(slash + 1);
			if (literal(address) == null || !prefix.matches("\\d{1,3}")) {
				throw new IllegalArgumentException("lunchrush.security.login.trusted-proxies: '" + entry
						+ "' is neither an IP address nor a CIDR range such as 10.244.0.0/16");
			}
			try {
				trusted.add(new IpAddressMatcher(proxy));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("lunchrush.security.login.trusted-proxies: '" + entry
						+ "' is not a CIDR range (" + ex.getMessage() + ")", ex);
			}
		}
		this.trustedProxies = List.copyOf(trusted);
	}

	private boolean trusted(InetAddress address) {
		String literal = address.getHostAddress();
		for (IpAddressMatcher proxy : this.trustedProxies) {
			if (proxy.matches(literal)) {
				return true;
			}
		}
		return false;
	}

	String of(HttpServletRequest request) {
		InetAddress hop = literal(request.getRemoteAddr());
		if (hop == null) {
			return request.getRemoteAddr();
		}
		if (trusted(hop)) {
			List<String> forwarded = new ArrayList<>();
			for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
				for (String entry : header.split(",")) {
					forwarded.add(entry.strip());
				}
			}
			for (int i = forwarded.size() - 1; i >= 0; i--) {
				InetAddress claimed = literal(forwarded.get(i));
				if (claimed == null) {
					break;
				}
				hop = claimed;
				if (!trusted(claimed)) {
					break;
				}
			}
		}
		return key(hop);
	}

	private static String key(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			for (int i = 8; i < bytes.length; i++) {
				bytes[i] = 0;
			}
			try {
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			catch (java.net.UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return address.getHostAddress();
	}

	/**
	 * @return the address the text spells, {@code null} when it is not an IP literal
	 * (never a DNS lookup)
	 */
	private static InetAddress literal(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return InetAddress.ofLiteral(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
