package jp.partnerflow.meisai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import jp.partnerflow.meisai.MeisaiSettings.DataKind;
import jp.partnerflow.platform.Tokyo;

/**
 * The files of document imports by data kind, split at 楽楽明細's limits per import (10,000 records,
 * 3 MB): CSV → {@code files[0]} = the document CSV; PDF → {@code files[0]} = a ZIP of one PDF per
 * notice plus the search CSV that 電子帳簿保存法 needs (date, amount, counterparty, keyed by 顧客コード);
 * PDF+CSV → that ZIP and the document CSV as {@code files[1]}.
 */
@Component
class MeisaiDocumentFiles {
    static final List<String> SEARCH_HEADER = List.of("顧客コード", "帳票No", "取引年月日", "取引金額", "取引先", "ファイル名");
    static final String SEARCH_CSV = "search.csv";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final MeisaiPdf pdf;

    MeisaiDocumentFiles(MeisaiPdf pdf) {
        this.pdf = pdf;
    }

    /** One import's files and which documents (from inclusive, to exclusive) it holds. */
    record Part(List<MeisaiFile> files, int from, int to) {
    }

    /** Receives each part as it is built, so PDFs of one part at a time are held in memory. */
    interface PartSink {
        void accept(int index, Part part);
    }

    void eachPart(DataKind kind, List<MeisaiDocument> documents, PartSink sink) {
        List<List<String>> rows = documents.stream().map(MeisaiRecords::document).toList();
        List<String> keys = documents.stream().map(MeisaiDocument::number).toList();
        if (!kind.pdf()) {
            List<MeisaiRecords.Part> parts = MeisaiRecords.parts(MeisaiRecords.DOCUMENT_HEADER, rows, keys);
            for (int p = 0; p < parts.size(); p++) {
                MeisaiRecords.Part part = parts.get(p);
                sink.accept(p, new Part(List.of(csv(part.csv())), part.from(), part.to()));
            }
            return;
        }
        int index = 0;
        int from = 0;
        long bytes = 0;
        List<byte[]> pdfs = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            byte[] rendered = pdf.render(documents.get(d));
            if (!pdfs.isEmpty() && (pdfs.size() == MeisaiRecords.MAX_RECORDS || bytes + rendered.length > MeisaiRecords.MAX_BYTES)) {
                sink.accept(index++, pdfPart(kind, documents, rows, keys, pdfs, from, d));
                pdfs.clear();
                bytes = 0;
                from = d;
            }
            pdfs.add(rendered);
            bytes += rendered.length;
        }
        if (!pdfs.isEmpty()) {
            sink.accept(index, pdfPart(kind, documents, rows, keys, pdfs, from, documents.size()));
        }
    }

    private static Part pdfPart(DataKind kind, List<MeisaiDocument> documents, List<List<String>> rows, List<String> keys,
            List<byte[]> pdfs, int from, int to) {
        List<MeisaiDocument> held = documents.subList(from, to);
        List<List<String>> search = held.stream().map(MeisaiDocumentFiles::searchRow).toList();
        byte[] searchCsv = MeisaiRecords.files(SEARCH_HEADER, search, keys.subList(from, to)).get(0);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, MeisaiCsv.WINDOWS_31J)) {
            for (int i = 0; i < held.size(); i++) {
                out.putNextEntry(new ZipEntry(fileName(held.get(i))));
                out.write(pdfs.get(i));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(SEARCH_CSV));
            out.write(searchCsv);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MeisaiFile> files = new ArrayList<>();
        files.add(new MeisaiFile("reports.zip", "application/zip", zip.toByteArray()));
        if (kind == DataKind.DOCUMENT_PDF_CSV) {
            files.add(csv(MeisaiRecords.files(MeisaiRecords.DOCUMENT_HEADER, rows.subList(from, to), keys.subList(from, to)).get(0)));
        }
        return new Part(List.copyOf(files), from, to);
    }

    /** 電子帳簿保存法's search keys: 取引年月日 (the day it was issued), 取引金額 (paid), 取引先. */
    static List<String> searchRow(MeisaiDocument document) {
        var v = document.version();
        return List.of(MeisaiRecords.customerCode(document.partnerId()), document.number(),
                v.sentAt() == null ? "" : DAY.format(v.sentAt().atZone(Tokyo.ZONE)), Long.toString(v.amountPaid()),
                document.partnerName(), fileName(document));
    }

    static String fileName(MeisaiDocument document) {
        return document.number() + ".pdf";
    }

    private static MeisaiFile csv(byte[] bytes) {
        return new MeisaiFile("reports.csv", MeisaiCsv.CONTENT_TYPE, bytes);
    }
}
