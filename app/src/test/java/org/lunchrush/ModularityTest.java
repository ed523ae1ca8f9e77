package org.lunchrush;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: modules use each other only through their published API
 * (their package root), and their dependencies have no cycles.
 */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(LunchrushApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
