package org.lunchrush.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ClasspathTextTest {

	@Test
	void readsTheFileBesideTheClassAsUtf8() {
		assertThat(ClasspathText.of(ClasspathTextTest.class, "sample.lua")).isEqualTo("return \"少放辣\"\n");
	}

	@Test
	void saysWhichFileIsMissing() {
		assertThatIllegalStateException().isThrownBy(() -> ClasspathText.of(ClasspathTextTest.class, "absent.lua"))
			.withMessageContaining("absent.lua")
			.withMessageContaining(ClasspathTextTest.class.getName());
	}

}
