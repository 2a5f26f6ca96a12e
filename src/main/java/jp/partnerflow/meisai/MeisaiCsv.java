package jp.partnerflow.meisai;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
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

    /**
     * @param keys one key per row (e.g. the 帳票No) to name a row in an error
     */
    static byte[] encode(List<String> header, List<List<String>> rows, List<String> keys) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        CharsetEncoder encoder = WINDOWS_31J.newEncoder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String value = row.get(c) == null ? "" : row.get(c);
                if (!encoder.canEncode(value)) {
                    throw new InvalidFieldException("records[" + keys.get(r) + "]." + header.get(c),
                            "has a character Windows-31J cannot hold: " + firstUnencodable(encoder, value));
                }
            }
            line(csv, row);
        }
        try {
            ByteBuffer bytes = WINDOWS_31J.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(csv));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("checked above", e);
        }
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String value = values.get(i) == null ? "" : values.get(i);
            csv.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }

    private static String firstUnencodable(CharsetEncoder encoder, String value) {
        return value.codePoints().mapToObj(Character::toString).filter(ch -> !encoder.canEncode(ch)).findFirst()
                .orElse("?");
    }
}
