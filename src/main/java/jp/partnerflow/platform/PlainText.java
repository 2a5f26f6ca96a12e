package jp.partnerflow.platform;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Text the service takes in is text: no NUL (PostgreSQL cannot store it) and no half of a UTF-16
 * surrogate pair (it cannot be encoded). Such input is a 400 naming the field wherever it arrives —
 * a JSON body, a query or form parameter, a Tasklist form field ({@link TaskForm}) — never a 500
 * from the database.
 */
@Configuration
public class PlainText {
    static final String REASON = "must not contain NUL or unpaired surrogate characters";

    /** Whether the text is free of NUL and unpaired surrogates. */
    public static boolean isPlain(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The value, if it is plain text; a 400 naming the field otherwise. */
    public static String check(String field, String value) {
        if (value != null && !isPlain(value)) {
            throw new InvalidFieldException(field, REASON);
        }
        return value;
    }

    /** Every string of a JSON body the API reads (Spring Boot installs every Module bean). */
    @Bean
    Module plainJsonStrings() {
        SimpleModule module = new SimpleModule("plain-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null && !isPlain(value)) {
                    throw JsonMappingException.from(parser, REASON);
                }
                return value;
            }
        });
        return module;
    }

    /** Every query and form parameter (uploads are checked where their names are read). */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> plainParameters() {
        ObjectMapper json = new ObjectMapper();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getContentType() != null && request.getContentType().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                    boolean plain = isPlain(parameter.getKey());
                    for (String value : parameter.getValue()) {
                        plain &= isPlain(value);
                    }
                    if (!plain) {
                        String name = isPlain(parameter.getKey()) ? parameter.getKey() : "parameter";
                        response.setStatus(HttpStatus.BAD_REQUEST.value());
                        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        response.setCharacterEncoding("UTF-8");
                        json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", "Invalid request",
                                "status", 400, "detail", "Invalid fields: " + name,
                                "errors", java.util.List.of(Map.of("field", name, "message", REASON))));
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
