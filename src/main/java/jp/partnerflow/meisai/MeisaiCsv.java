package jp.partnerflow.meisai;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;

import jp.partnerflow.platform.InvalidFieldException;

/**
 * CSV as 楽楽明細 imports it: Windows-31J, CRLF, every value quoted. A character Windows-31J cannot
 * hold is an error naming the record and the column, never silently replaced.
 */
final class MeisaiCsv {
    static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    static final String CONTENT_TYPE = "text/csv; charset=Windows-31J";

    private MeisaiCsv() {
    }

    /** One CSV line in Windows-31J; {@code key} names the record in an error. */
    static byte[] line(List<String> header, List<String> values, String key) {
        CharsetEncoder encoder = WINDOWS_31J.newEncoder();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c) == null ? "" : values.get(c);
            if (!encoder.canEncode(value)) {
                throw new InvalidFieldException("records[" + key + "]." + header.get(c),
                        "has a character Windows-31J cannot hold: " + firstUnencodable(encoder, value));
            }
            line.append(c > 0 ? "," : "").append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString().getBytes(WINDOWS_31J);
    }

    private static String firstUnencodable(CharsetEncoder encoder, String value) {
        return value.codePoints().mapToObj(Character::toString).filter(ch -> !encoder.canEncode(ch)).findFirst()
                .orElse("?");
    }
}
