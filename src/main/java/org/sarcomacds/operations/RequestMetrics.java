package org.sarcomacds.operations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.sarcomacds.protocol.ServiceCatalog;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Times every request to the CDS Hooks endpoints and counts it by service, endpoint and the status it was answered
 * with — errors included, because the status is read after the error answers have been written.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetrics implements WebMvcConfigurer {

    private static final String START = RequestMetrics.class.getName() + ".start";

    private final CdsMetrics metrics;
    private final ServiceCatalog catalog;

    RequestMetrics(CdsMetrics metrics, ServiceCatalog catalog) {
        this.metrics = metrics;
        this.catalog = catalog;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        request.setAttribute(START, System.nanoTime());
                        return true;
                    }

                    @Override
                    public void afterCompletion(
                            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
                        if (request.getAttribute(START) instanceof Long start) {
                            metrics.request(
                                    service(request),
                                    endpoint(request),
                                    response.getStatus(),
                                    System.nanoTime() - start);
                        }
                    }
                })
                .addPathPatterns("/cds-services", "/cds-services/**");
    }

    /** A service id the catalog knows, else {@code unknown}: a client cannot mint new tag values. */
    private String service(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Object id = variables instanceof Map<?, ?> map ? map.get("id") : null;
        if (id == null) {
            return request.getRequestURI().equals("/cds-services") ? "-" : "unknown";
        }
        return catalog.find(id.toString()).isPresent() ? id.toString() : "unknown";
    }

    private static String endpoint(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.equals("/cds-services")) {
            return "discovery";
        }
        return uri.endsWith("/feedback") ? "feedback" : "hook";
    }
}
