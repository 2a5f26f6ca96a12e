package jp.partnerflow.meisai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.partnerflow.partner.BasicInfo;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.partner.PartnerKind;
import jp.partnerflow.payment.PaymentNotice;

/** The rows 楽楽明細 imports, and the split of an import at 10,000 records or 3 MB. */
class MeisaiRecordsTest {
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    @Test
    void aPaymentNoticeIsADocumentKeyedByItsNumber() {
        MeisaiDocument notice = new MeisaiDocument(5L, "PN-202701-00005", 42, "山田 太郎", 7, "株式会社テスト商事", "2026-12",
                new PaymentNotice.Version(1, 300_000, 30_000, 3_240, 259, 0, 2_400, 30_630, 305_269,
                        LocalDate.of(2027, 1, 31), null, Instant.parse("2027-01-05T16:00:00Z"), null));

        assertThat(MeisaiRecords.document(notice)).containsExactly("PN-202701-00005", "P0000042", "2027/01/06", "2026/12",
                "300000", "30000", "3240", "259", "0", "2400", "30630", "305269", "2027/01/31");
    }

    @Test
    void aPartnerIsACustomerKeyedByItsCode() {
        Partner partner = new Partner(42L, 1, "山田 太郎", "taro@example.jp", PartnerKind.INDIVIDUAL, null, null, false,
                new BasicInfo("100-0001", "東京都千代田区千代田1-1", "090-1234-5678"), null, Instant.now());

        assertThat(MeisaiRecords.customer(partner)).containsExactly("P0000042", "山田 太郎", "taro@example.jp", "100-0001",
                "東京都千代田区千代田1-1", "090-1234-5678");
    }

    @Test
    void moreThan10000RecordsAreSplit() {
        List<List<String>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            rows.add(List.of("PN-" + i, "P" + i));
            keys.add("PN-" + i);
        }

        List<byte[]> files = MeisaiRecords.files(List.of("帳票No", "顧客コード"), rows, keys);

        assertThat(files).hasSize(2);
        assertThat(lines(files.get(0))).hasSize(10_001).first().isEqualTo("\"帳票No\",\"顧客コード\"");
        assertThat(lines(files.get(1))).containsExactly("\"帳票No\",\"顧客コード\"", "\"PN-10000\",\"P10000\"");
        assertThat(MeisaiRecords.parts(List.of("帳票No", "顧客コード"), rows, keys))
                .extracting(MeisaiRecords.Part::from, MeisaiRecords.Part::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 10_000), org.assertj.core.groups.Tuple.tuple(10_000, 10_001));
    }

    @Test
    void moreThan3MegabytesAreSplitBeforeTheRecordLimit() {
        String long1000 = String.join("", Collections.nCopies(500, "明")); // 1,000 bytes in Windows-31J
        List<List<String>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            rows.add(List.of("PN-" + i, long1000));
            keys.add("PN-" + i);
        }

        List<byte[]> files = MeisaiRecords.files(List.of("帳票No", "摘要"), rows, keys);

        assertThat(files).hasSizeGreaterThan(1).allSatisfy(f -> assertThat(f.length).isLessThanOrEqualTo(3 * 1024 * 1024));
        assertThat(files.stream().mapToInt(f -> lines(f).size() - 1).sum()).isEqualTo(4_000);
        assertThat(lines(files.get(1)).get(0)).isEqualTo("\"帳票No\",\"摘要\"");
    }

    private static List<String> lines(byte[] csv) {
        return List.of(new String(csv, WINDOWS_31J).split("\r\n"));
    }
}
