package jp.partnerflow.platform;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * REST errors (of the REST controllers; pages answer with pages) as application/problem+json. A 400 always names the offending fields in
 * {@code errors[].field} and in the detail text.
 */
// first of the advices, so that a REST controller's exception is always answered as a problem
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                ? jme.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body")
                : "body";
        String reason = ex.getCause() instanceof InvalidFormatException format && format.getTargetType().isEnum()
                ? "must be one of " + String.join(", ",
                        java.util.Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).toList())
                : ex.getCause() instanceof JsonMappingException jme && PlainText.REASON.equals(jme.getOriginalMessage())
                        ? PlainText.REASON
                        : "is not readable";
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, reason))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem("file", "is too large"))));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.field(), ex.reason()))));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * A row there is one of (a month's work report, an invoice of a month, a version) made at the same
     * moment by another request or by the service: the check before the insert saw nothing, the
     * database's unique key refused the second. What the caller wanted exists now; nothing was changed.
     */
    @ExceptionHandler({ DuplicateKeyException.class, DbActionExecutionException.class })
    ResponseEntity<Object> madeAtTheSameMoment(RuntimeException ex, HttpServletRequest request) {
        if (!(ex instanceof DuplicateKeyException) && !(ex.getCause() instanceof DuplicateKeyException)) {
            return failed(ex, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "it exists already: made at the same moment by another request or by the service");
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Anything else is the service's fault: logged here (ids, never personal data), answered as a problem. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception ex, HttpServletRequest request) {
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request failed on the server; the failure is logged.");
        problem.setTitle("Internal Server Error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        String fields = String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + fields);
        problem.setTitle("Invalid request");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }
}
