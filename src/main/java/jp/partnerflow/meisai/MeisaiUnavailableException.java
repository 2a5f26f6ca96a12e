package jp.partnerflow.meisai;

/** 楽楽明細 could not take the call now (maintenance, 5xx, timeout): worth retrying later. */
public class MeisaiUnavailableException extends RuntimeException {
    public MeisaiUnavailableException(String message) {
        super(message);
    }
}
