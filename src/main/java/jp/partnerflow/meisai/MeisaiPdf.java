package jp.partnerflow.meisai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import jp.partnerflow.payment.PaymentNotice;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.JapaneseFont;
import jp.partnerflow.platform.Tokyo;

/**
 * A payment notice (支払通知書) as a one-page A4 PDF with Japanese text, for 楽楽明細's PDF kinds. The
 * font (Noto Sans JP, SIL OFL, fetched by the build) is embedded as a subset of the characters used,
 * so the PDF reads the same everywhere. Rendering shares one parsed font, hence one at a time.
 */
@Component
class MeisaiPdf {
    /** 連携対象PDF: the generated PDFs of a record a PDF connection may send (one, for now). */
    static final List<String> FIELDS = List.of("支払通知書PDF");
    static final String FONT = JapaneseFont.RESOURCE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final float LEFT = 60;
    private static final float RIGHT = 535;

    private TrueTypeFont font;

    synchronized byte[] render(MeisaiDocument document) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font japanese = PDType0Font.load(pdf, font(), true);
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("支払通知書 " + document.number());
            info.setAuthor(document.companyName());
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                Writer writer = new Writer(text, japanese, document);
                writer.content();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF of " + document.number() + " could not be rendered", e);
        } catch (IllegalArgumentException e) {
            // PDFBox: a character the font has no glyph for
            throw new InvalidFieldException("records[" + document.number() + "]", "cannot be shown in the PDF: " + e.getMessage());
        }
    }

    private TrueTypeFont font() throws IOException {
        if (font == null) {
            try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
                font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            } catch (java.io.FileNotFoundException e) {
                throw new IllegalStateException("the PDF font " + FONT + " is not on the classpath: build with Maven, which fetches it", e);
            }
        }
        return font;
    }

    /** The page's lines, top to bottom. */
    private static final class Writer {
        private final PDPageContentStream text;
        private final PDType0Font font;
        private final MeisaiDocument document;
        private float y = 780;

        Writer(PDPageContentStream text, PDType0Font font, MeisaiDocument document) {
            this.text = text;
            this.font = font;
            this.document = document;
        }

        void content() throws IOException {
            PaymentNotice.Version v = document.version();
            centered("支払通知書", 22);
            y -= 40;
            left(document.partnerName() + " 様", 14);
            right(document.companyName(), 11);
            y -= 24;
            right("帳票No " + document.number(), 10);
            y -= 16;
            if (v.sentAt() != null) {
                right("発行日 " + DAY.format(v.sentAt().atZone(Tokyo.ZONE)), 10);
                y -= 16;
            }
            left("下記のとおりお支払いいたします。（対象月 " + document.billingMonth().replace("-", "年") + "月）", 11);
            y -= 36;
            row("お支払額", yen(v.amountPaid()), 16);
            row("お支払日", DAY.format(v.paymentDate()), 12);
            y -= 12;
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] { "10%対象額", yen(v.amountTenPercent()) });
            lines.add(new String[] { "消費税（10%）", yen(v.taxTenPercent()) });
            lines.add(new String[] { "8%対象額", yen(v.amountEightPercent()) });
            lines.add(new String[] { "消費税（8%）", yen(v.taxEightPercent()) });
            lines.add(new String[] { "非課税額", yen(v.amountNonTaxable()) });
            lines.add(new String[] { "立替経費", yen(v.expenses()) });
            lines.add(new String[] { "源泉徴収税額", "-" + yen(v.withholding()) });
            for (String[] line : lines) {
                row(line[0], line[1], 11);
            }
            if (v.note() != null && !v.note().isBlank()) {
                y -= 12;
                left("備考 " + v.note(), 10);
            }
        }

        private void row(String label, String value, float size) throws IOException {
            left(label, size);
            right(value, size);
            text.moveTo(LEFT, y - 5);
            text.lineTo(RIGHT, y - 5);
            text.setLineWidth(0.3f);
            text.stroke();
            y -= size + 12;
        }

        private void centered(String line, float size) throws IOException {
            show(line, size, (LEFT + RIGHT) / 2 - width(line, size) / 2);
        }

        private void left(String line, float size) throws IOException {
            show(line, size, LEFT);
        }

        private void right(String line, float size) throws IOException {
            show(line, size, RIGHT - width(line, size));
        }

        private float width(String line, float size) throws IOException {
            return font.getStringWidth(line) / 1000 * size;
        }

        private void show(String line, float size, float x) throws IOException {
            text.beginText();
            text.setFont(font, size);
            text.newLineAtOffset(x, y);
            text.showText(line);
            text.endText();
        }
    }

    private static String yen(long amount) {
        return String.format("%,d円", amount);
    }
}
