package jp.partnerflow.meisai;

import java.util.List;
import java.util.stream.Collectors;

/** 楽楽明細 refused the call (4xx): retrying will not help; its codes and messages say why. */
public class MeisaiRejectedException extends RuntimeException {

    /** One entry of {@code errors[]}, with its {@code description[]} as "name code msg". */
    public record Error(String code, String msg, List<String> details) {
    }

    private final int status;
    private final transient List<Error> errors;

    public MeisaiRejectedException(int status, List<Error> errors) {
        super("楽楽明細 refused (" + status + "): " + errors.stream()
                .map(e -> e.code() + " " + e.msg() + (e.details().isEmpty() ? "" : " " + e.details()))
                .collect(Collectors.joining("; ")));
        this.status = status;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public List<Error> errors() {
        return errors;
    }
}
