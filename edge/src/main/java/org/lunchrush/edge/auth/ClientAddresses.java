package org.lunchrush.edge.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the client's address for throttling: the socket's peer, unless that peer is a
 * configured trusted proxy, in which case {@code X-Forwarded-For} is read from the right
 * (the entries the trusted proxies appended) to the first address that is not a trusted
 * proxy. Entries further left were written by the client and could be anything. An IPv6
 * client is counted by its /64, the block one subscriber gets.
 */
final class ClientAddresses {

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final Set<InetAddress> trustedProxies;

	ClientAddresses(List<String> trustedProxies) {
		Set<InetAddress> trusted = new HashSet<>();
		for (String proxy : trustedProxies) {
			if (proxy.isBlank()) {
				continue;
			}
			InetAddress address = literal(proxy.strip());
			if (address == null) {
				throw new IllegalArgumentException(
						"lunchrush.security.login.trusted-proxies: '" + proxy + "' is not an IP address");
			}
			trusted.add(address);
		}
		this.trustedProxies = Set.copyOf(trusted);
	}

	String of(HttpServletRequest request) {
		InetAddress hop = literal(request.getRemoteAddr());
		if (hop == null) {
			return request.getRemoteAddr();
		}
		if (this.trustedProxies.contains(hop)) {
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
				if (!this.trustedProxies.contains(claimed)) {
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
