package org.lunchrush;

import java.time.Clock;
import java.time.ZoneId;

import org.lunchrush.kernel.CampusTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	CampusTime campusTime(@Value("${lunchrush.campus.time-zone:Asia/Shanghai}") String zone) {
		return new CampusTime(Clock.systemUTC(), ZoneId.of(zone));
	}

}
