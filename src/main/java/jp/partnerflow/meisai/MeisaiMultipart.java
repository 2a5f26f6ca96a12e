package jp.partnerflow.meisai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A write request's body as 楽楽明細 takes it: part {@code json} (application/json; charset=UTF-8)
 * and parts {@code files[0]}, {@code files[1]} … with their own content types.
 */
final class MeisaiMultipart {
    private final String boundary = "partnerflow-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int files;

    MeisaiMultipart json(String json) {
        return part("Content-Disposition: form-data; name=\"json\"", "application/json; charset=UTF-8",
                json.getBytes(StandardCharsets.UTF_8));
    }

    MeisaiMultipart file(String fileName, String contentType, byte[] content) {
        return part("Content-Disposition: form-data; name=\"files[" + files++ + "]\"; filename=\"" + fileName + "\"",
                contentType, content);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.toByteArray());
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private MeisaiMultipart part(String disposition, String contentType, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + disposition + "\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }
}
