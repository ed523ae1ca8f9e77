package org.lunchrush.edge.web;

import java.util.OptionalLong;

import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.kernel.Role;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers the {@link Caller} from the verified token, without a database read.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			throw new LunchrushException(ErrorCode.UNAUTHENTICATED);
		}
		return caller(token.getToken());
	}

	static Caller caller(Jwt jwt) {
		Object merchant = jwt.getClaim("merchantId");
		OptionalLong merchantId = (merchant instanceof Number number) ? OptionalLong.of(number.longValue())
				: OptionalLong.empty();
		return new Caller(Long.parseLong(jwt.getSubject()), Role.valueOf(jwt.getClaimAsString("role")), merchantId,
				Boolean.TRUE.equals(jwt.getClaimAsBoolean("vip")));
	}

}
