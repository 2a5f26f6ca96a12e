package jp.partnerflow.meisai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import jp.partnerflow.meisai.MeisaiSettings.DataKind;
import jp.partnerflow.payment.PaymentNotice;

/**
 * The files of document imports by data kind: a payment notice as a PDF with Japanese text in an
 * embedded font, zipped with the search CSV 電子帳簿保存法 needs, split at 楽楽明細's 3 MB.
 */
class MeisaiDocumentFilesTest {
    private final MeisaiDocumentFiles files = new MeisaiDocumentFiles(new MeisaiPdf());

    @Test
    void aPaymentNoticeIsAPdfWithJapaneseTextInAnEmbeddedFont() throws Exception {
        byte[] pdf = new MeisaiPdf().render(document("PN-202701-00001", "山田 太郎"));

        try (PDDocument read = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(read);
            assertThat(text).contains("支払通知書", "山田 太郎 様", "株式会社テスト商事", "帳票No PN-202701-00001",
                    "発行日 2027年1月5日", "お支払額", "299,370円", "お支払日", "2027年1月31日", "源泉徴収税額", "-30,630円",
                    "対象月 2026年12月");
            PDFont font = read.getPage(0).getResources().getFont(read.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("NotoSansJP");
        }
    }

    @Test
    void pdfKindsZipOnePdfPerNoticeWithTheSearchCsv() throws Exception {
        List<MeisaiDocumentFiles.Part> parts = parts(DataKind.DOCUMENT_PDF,
                List.of(document("PN-202701-00001", "山田 太郎"), document("PN-202701-00002", "髙橋 花子")));

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).files()).extracting(MeisaiFile::name).containsExactly("reports.zip");
        Map<String, byte[]> zip = entries(parts.get(0).files().get(0).bytes());
        assertThat(zip).containsOnlyKeys("PN-202701-00001.pdf", "PN-202701-00002.pdf", "search.csv");
        assertThat(new String(zip.get("PN-202701-00001.pdf"), 0, 5, "US-ASCII")).isEqualTo("%PDF-");
        assertThat(new String(zip.get("search.csv"), MeisaiCsv.WINDOWS_31J).split("\r\n")).containsExactly(
                "\"顧客コード\",\"帳票No\",\"取引年月日\",\"取引金額\",\"取引先\",\"ファイル名\"",
                "\"P0000042\",\"PN-202701-00001\",\"2027/01/05\",\"299370\",\"山田 太郎\",\"PN-202701-00001.pdf\"",
                "\"P0000042\",\"PN-202701-00002\",\"2027/01/05\",\"299370\",\"髙橋 花子\",\"PN-202701-00002.pdf\"");
    }

    @Test
    void pdfKindsAreSplitAtThreeMegabytes() {
        List<MeisaiDocument> many = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            many.add(document("PN-202701-%05d".formatted(i), "山田 太郎"));
        }

        List<MeisaiDocumentFiles.Part> parts = parts(DataKind.DOCUMENT_PDF_CSV, many);

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(p.files().get(0).bytes().length).isLessThanOrEqualTo(MeisaiRecords.MAX_BYTES));
        assertThat(parts).allSatisfy(p -> assertThat(p.files()).extracting(MeisaiFile::name)
                .containsExactly("reports.zip", "reports.csv"));
        assertThat(parts.get(parts.size() - 1).to()).isEqualTo(400);
        for (int p = 1; p < parts.size(); p++) {
            assertThat(parts.get(p).from()).isEqualTo(parts.get(p - 1).to());
        }
        int zipped = parts.stream().mapToInt(p -> entries(p.files().get(0).bytes()).size() - 1).sum();
        assertThat(zipped).isEqualTo(400);
    }

    @Test
    void csvIsTheDocumentCsvAlone() {
        List<MeisaiDocumentFiles.Part> parts = parts(DataKind.DOCUMENT_CSV, List.of(document("PN-202701-00001", "山田 太郎")));

        assertThat(parts).singleElement().satisfies(p -> assertThat(p.files()).singleElement()
                .satisfies(f -> assertThat(new String(f.bytes(), MeisaiCsv.WINDOWS_31J)).startsWith("\"帳票No\"")));
    }

    private List<MeisaiDocumentFiles.Part> parts(DataKind kind, List<MeisaiDocument> documents) {
        List<MeisaiDocumentFiles.Part> parts = new ArrayList<>();
        files.eachPart(kind, documents, (index, part) -> {
            assertThat(index).isEqualTo(parts.size());
            parts.add(part);
        });
        return parts;
    }

    static MeisaiDocument document(String number, String partner) {
        return new MeisaiDocument(1, number, 42, partner, 7, "株式会社テスト商事", "2026-12",
                new PaymentNotice.Version(1, 300_000, 30_000, 0, 0, 0, 0, 30_630, 299_370, LocalDate.of(2027, 1, 31), null,
                        Instant.parse("2027-01-05T01:00:00Z"), null));
    }

    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), MeisaiCsv.WINDOWS_31J)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
