package org.lunchrush;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Lunchrush all-in-one: every module in one process.
 */
@SpringBootApplication
@Modulithic(sharedModules = "kernel")
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class LunchrushApplication {

	public static void main(String[] args) {
		SpringApplication.run(LunchrushApplication.class, args);
	}

}
