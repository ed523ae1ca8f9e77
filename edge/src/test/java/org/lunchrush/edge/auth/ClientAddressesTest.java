package org.lunchrush.edge.auth;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressesTest {

	@Nested
	class WithoutATrustedProxy {

		private final ClientAddresses addresses = new ClientAddresses(List.of());

		@Test
		void takesTheSocketsPeerAndIgnoresForwardedFor() {
			assertThat(this.addresses.of(request("203.0.113.7", "10.0.0.1"))).isEqualTo("203.0.113.7");
		}

	}

	@Nested
	class BehindATrustedProxy {

		private final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.1", "10.0.0.2"));

		@Test
		void takesTheAddressTheProxyAppended() {
			assertThat(this.addresses.of(request("127.0.0.1", "198.51.100.4"))).isEqualTo("198.51.100.4");
		}

		@Test
		void ignoresWhatTheClientWroteLeftOfIt() {
			assertThat(this.addresses.of(request("127.0.0.1", "1.2.3.4, 198.51.100.4"))).isEqualTo("198.51.100.4");
		}

		@Test
		void skipsEveryTrustedProxyInTheChain() {
			assertThat(this.addresses.of(request("127.0.0.1", "1.2.3.4, 198.51.100.4, 10.0.0.2")))
				.isEqualTo("198.51.100.4");
		}

		@Test
		void fallsBackToTheProxyWhenTheHeaderIsMissingOrGarbage() {
			assertThat(this.addresses.of(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
			assertThat(this.addresses.of(request("127.0.0.1", "evil.example"))).isEqualTo("127.0.0.1");
		}

		@Test
		void trustsNoHeaderFromAnyOtherPeer() {
			assertThat(this.addresses.of(request("203.0.113.7", "198.51.100.4"))).isEqualTo("203.0.113.7");
		}

	}

	@Nested
	class BehindProxiesOfARange {

		// The ingress controller's pods, wherever the pod network puts them.
		private final ClientAddresses addresses = new ClientAddresses(List.of("10.244.0.0/16", "fd00:10::/64"));

		@Test
		void trustsEveryAddressOfTheRange() {
			assertThat(this.addresses.of(request("10.244.3.17", "198.51.100.4"))).isEqualTo("198.51.100.4");
			assertThat(this.addresses.of(request("10.244.200.9", "1.2.3.4, 198.51.100.5, 10.244.7.7")))
				.isEqualTo("198.51.100.5");
			assertThat(this.addresses.of(request("fd00:10::abcd", "198.51.100.6"))).isEqualTo("198.51.100.6");
		}

		@Test
		void trustsNoAddressOutsideIt() {
			assertThat(this.addresses.of(request("10.245.0.1", "198.51.100.4"))).isEqualTo("10.245.0.1");
			assertThat(this.addresses.of(request("10.244.3.17", "1.2.3.4, 10.243.0.1"))).isEqualTo("10.243.0.1");
		}

	}

	@Test
	void refusesARangeThatIsNotOne() {
		for (String wrong : List.of("10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "proxy.internal/8", "/8",
				"10.0.0.0/-1")) {
			assertThatIllegalArgumentException().as(wrong)
				.isThrownBy(() -> new ClientAddresses(List.of(wrong)))
				.withMessageContaining(wrong);
		}
	}

	@Test
	void countsAnIpv6ClientByItsSlash64() {
		ClientAddresses addresses = new ClientAddresses(List.of());
		assertThat(addresses.of(request("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null)))
			.isEqualTo(addresses.of(request("2001:db8:1:2::1", null)))
			.isEqualTo("2001:db8:1:2:0:0:0:0/64");
	}

	@Test
	void refusesATrustedProxyThatIsNotAnAddress() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.internal")));
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/login");
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
