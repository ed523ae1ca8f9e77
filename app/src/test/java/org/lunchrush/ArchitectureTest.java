package org.lunchrush;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Rules the module check does not cover: domain code stays free of frameworks, web and
 * brokers, and transactions are not started in controllers.
 */
class ArchitectureTest {

	private final JavaClasses lunchrush = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.lunchrush");

	@Test
	void domainCodeDoesNotImportSpringWebOrBrokers() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..",
					"org.apache.kafka..", "com.rabbitmq..", "io.lettuce..", "tools.jackson..", "com.fasterxml..",
					"..intake..", "..persistence..", "..query..", "..web..")
			.check(this.lunchrush);
	}

	@Test
	void theKernelDependsOnNoFramework() {
		noClasses().that()
			.resideInAPackage("org.lunchrush.kernel..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..")
			.check(this.lunchrush);
	}

	@Test
	void controllersDoNotOpenTransactions() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBeAnnotatedWith(Transactional.class)
			.check(this.lunchrush);
		noMethods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(RestController.class)
			.should()
			.beAnnotatedWith(Transactional.class)
			.check(this.lunchrush);
	}

}
