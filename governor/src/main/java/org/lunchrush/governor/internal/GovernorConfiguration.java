package org.lunchrush.governor.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.lunchrush.governor.GovernorProperties;
import org.lunchrush.kernel.CampusTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class GovernorConfiguration {

	@Bean
	LoadGovernor governor(GovernorProperties settings, JdbcClient jdbc, MeterRegistry meters, CampusTime time) {
		return new LoadGovernor(settings, new SwitchModeStore(jdbc), new CpuLoad(),
				new OrderLatencyWindow(meters, settings.window()), time::now, meters);
	}

}
