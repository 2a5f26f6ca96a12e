package jp.partnerflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A business rule that refuses a Tasklist form (a return without a reason, a payment date past 60
 * days) is the user's mistake: the engine REST API — Tasklist's ({@code /camunda/api/engine}) and
 * {@code /engine-rest}, {@code submit-form} and {@code complete} alike — answers it with 400 and the
 * reason, never 500. The engine wraps whatever a task listener throws into a plain engine error
 * (which its REST API answers with 500), so the refusal is noted where it is thrown (the delegate
 * interceptor: {@link InvalidFieldException}, {@link ConflictException}) and the answer of that
 * request is made a 400 on its way out. The command has already rolled back: nothing changed.
 */
@Configuration
class FormRefusals extends AbstractProcessEnginePlugin {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The refusal of the engine call the current request made, if any. */
    private static final ThreadLocal<RuntimeException> REFUSED = new ThreadLocal<>();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor engine = configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> {
            try {
                engine.handleInvocation(invocation);
            } catch (InvalidFieldException | ConflictException refused) {
                if (RequestContextHolder.getRequestAttributes() != null) { // a job's thread keeps nothing
                    REFUSED.set(refused);
                }
                throw refused;
            }
        });
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> formRefusalAnswers() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
                REFUSED.remove();
                try {
                    chain.doFilter(request, answer);
                    RuntimeException refused = REFUSED.get();
                    if (refused != null && answer.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
                        answer.resetBuffer();
                        answer.setStatus(HttpStatus.BAD_REQUEST.value());
                        answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
                        answer.getOutputStream().write(JSON.writeValueAsString(Map.of("type", "FormRefused",
                                "message", refused.getMessage())).getBytes(StandardCharsets.UTF_8));
                    }
                } finally {
                    REFUSED.remove();
                    answer.copyBodyToResponse();
                }
            }
        });
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}
