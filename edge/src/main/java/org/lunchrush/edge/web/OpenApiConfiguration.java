package org.lunchrush.edge.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.lunchrush.kernel.Caller;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the HTTP API, generated from the controllers by springdoc: at
 * {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}, both public (the document
 * describes the routes, it opens none). The web faces' typed client is written against
 * it. docs/api.md remains the reference for the rules a schema cannot say (input rules,
 * error codes, who may call what).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer-jwt";

	static {
		// The caller comes from the bearer token (CallerArgumentResolver), never from
		// the request's parameters or body.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI lunchrushOpenApi() {
		return new OpenAPI().info(new Info().title("Lunchrush").version("v1").description("""
				校园外卖平台 Lunchrush 的 HTTP API：学生下单与支付、商家接单出餐、骑手配送。\
				除登录外，每个接口都要求 Authorization: Bearer <登录所得的 JWT>；\
				错误一律为 {"code","message","details"}，输入规则与错误码见 docs/api.md。

				The HTTP API of Lunchrush, a campus food delivery platform: students order and pay, \
				merchants accept and cook, riders deliver. Every route but login needs \
				Authorization: Bearer <the JWT from login>; every error is \
				{"code","message","details"}; the input rules and error codes are in docs/api.md."""))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("POST /api/v1/auth/login → token")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
