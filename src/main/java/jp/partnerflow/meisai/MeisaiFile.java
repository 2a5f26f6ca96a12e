package jp.partnerflow.meisai;

/** One file of an import: its name, content type and bytes (a part {@code files[n]} of the request). */
record MeisaiFile(String name, String contentType, byte[] bytes) {
}
