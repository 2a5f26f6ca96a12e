package jp.partnerflow.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 as problem+json: "partner 42 not found". */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, problem(what + " " + id + " not found"), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return problem;
    }
}
