package org.lunchrush;

import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with a secret anyone can read in the repository: the token key and the
 * sandbox provider's key must be this install's own ({@code ./lunchrush up} generates
 * them on first start into {@code .lunchrush/secrets.env}, mode 600). With a key from the
 * repository anyone could mint an operator's token or a payment.
 * <p>
 * Tests run with the repository's test keys and say so with
 * {@value #ALLOW_PROPERTY}{@code =true}, a switch whose name is meant to stand out in any
 * configuration review; the platform then logs a warning at every start.
 * <p>
 * Checked once the configuration is read and before any bean exists, so that a refused
 * start says why at once, whether or not the services answer (registered in
 * {@code META-INF/spring.factories}).
 */
class RepositorySecrets implements EnvironmentPostProcessor {

	static final String ALLOW_PROPERTY = "lunchrush.insecure.allow-repository-secrets";

	/**
	 * Every key that was ever a default or an example in this repository.
	 */
	private static final Set<String> WELL_KNOWN = Set.of("lunchrush-demo-secret-change-me-in-production",
			"sandbox-merchant-key-for-demo-only", "sandbox-merchant-key-for-tests-only",
			"lunchrush-test-secret-never-use-it-outside-the-tests");

	private static final List<Secret> SECRETS = List.of(
			new Secret("lunchrush.security.jwt-secret", "LUNCHRUSH_JWT_SECRET"),
			new Secret("lunchrush.payment.sandbox.merchant-key", "LUNCHRUSH_SANDBOX_MERCHANT_KEY"));

	private final Log log;

	RepositorySecrets(DeferredLogFactory logs) {
		this.log = logs.getLog(RepositorySecrets.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean allowed = environment.getProperty(ALLOW_PROPERTY, Boolean.class, false);
		for (Secret secret : SECRETS) {
			String value = environment.getProperty(secret.property(), "");
			if (value.isBlank()) {
				throw new IllegalStateException(secret.variable() + " is not set: every install needs its own "
						+ secret.property() + ". `./lunchrush up` generates one into .lunchrush/secrets.env on first "
						+ "start; elsewhere set it to a random value of at least 32 bytes "
						+ "(e.g. `openssl rand -base64 48`)");
			}
			if (isWellKnown(value)) {
				if (!allowed) {
					throw new IllegalStateException(secret.variable() + " (" + secret.property()
							+ ") is a value published in the Lunchrush repository: anyone could forge with it. "
							+ "Set this install's own value (`./lunchrush up` generates one)");
				}
				this.log.warn(secret.property() + " is a value published in the repository, allowed by "
						+ ALLOW_PROPERTY + "=true: tests only, never a campus");
			}
		}
	}

	static boolean isWellKnown(String value) {
		return WELL_KNOWN.contains(value.strip());
	}

	private record Secret(String property, String variable) {
	}

}
