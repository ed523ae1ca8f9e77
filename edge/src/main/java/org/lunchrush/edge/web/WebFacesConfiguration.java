package org.lunchrush.edge.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the three web faces the {@code web/} build packs into the platform (under
 * {@code META-INF/resources/}): the student app at {@code /}, the merchant console at
 * {@code /merchant/} and the rider app at {@code /rider/}. Each face routes in the
 * browser (history mode), so a page path the build has no file for ({@code /orders/123},
 * {@code /merchant/menu}) answers that face's {@code index.html}; a path with a file
 * extension that names nothing stays a {@code 404}, and so does every path of the API,
 * the management endpoints and the payment sandbox (their JSON {@code 404}). The hashed
 * files under {@code /assets/} are cached for a year, the pages not at all, so a new
 * release is picked up at the next load.
 */
@Configuration(proxyBeanMethods = false)
class WebFacesConfiguration implements WebMvcConfigurer {

	static final String LOCATION = "classpath:/META-INF/resources/";

	/**
	 * Paths that belong to the platform, never to a face: no page falls back there.
	 */
	private static final List<String> NOT_PAGES = List.of("api/", "actuator", "sandbox-pay/", "v3/", "swagger-ui",
			"error");

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/merchant", "/merchant/");
		registry.addRedirectViewController("/rider", "/rider/");
		// A resource handler has no file for an empty path: the faces' own root pages.
		registry.addViewController("/merchant/").setViewName("forward:/merchant/index.html");
		registry.addViewController("/rider/").setViewName("forward:/rider/index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/merchant/**")
			.addResourceLocations(LOCATION + "merchant/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new FaceResolver("merchant"));
		registry.addResourceHandler("/rider/**")
			.addResourceLocations(LOCATION + "rider/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new FaceResolver("rider"));
		registry.addResourceHandler("/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new FaceResolver(""));
	}

	/**
	 * A file of the face when there is one, else the face's {@code index.html} for a page
	 * path (no extension in its last segment).
	 */
	static final class FaceResolver extends PathResourceResolver {

		private final String face;

		FaceResolver(String face) {
			this.face = face;
		}

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			if (this.face.isEmpty() && NOT_PAGES.stream().anyMatch(resourcePath::startsWith)) {
				return null;
			}
			Resource file = super.getResource(resourcePath.isEmpty() ? "index.html" : resourcePath, location);
			if (file != null) {
				return file;
			}
			return isPage(resourcePath) ? super.getResource("index.html", location) : null;
		}

		static boolean isPage(String path) {
			String last = path.substring(path.lastIndexOf('/') + 1);
			return !last.contains(".");
		}

	}

}
