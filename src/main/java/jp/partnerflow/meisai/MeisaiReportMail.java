package jp.partnerflow.meisai;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import jp.partnerflow.meisai.MeisaiSettings.ReportMail;

/**
 * レポートメール of a 楽楽明細 run, as the connection says: on completion or error, on error only,
 * or never; to the admin (automatic runs have no executor to write to).
 */
@Component
class MeisaiReportMail {
    private final JavaMailSender mail;
    private final String from;
    private final String admin;

    MeisaiReportMail(JavaMailSender mail, @Value("${partnerflow.mail.from}") String from,
            @Value("${partnerflow.mail.admin}") String admin) {
        this.mail = mail;
        this.from = from;
        this.admin = admin;
    }

    void completed(MeisaiConnection connection, String documentNumber, String importId) {
        if (connection.reportMail() == ReportMail.ON_COMPLETION_OR_ERROR) {
            send("【楽楽明細連携】完了: " + documentNumber, """
                    楽楽明細連携「%s」が完了しました。
                    帳票No: %s
                    取込ID: %s""".formatted(connection.name(), documentNumber, importId));
        }
    }

    void failed(MeisaiConnection connection, String documentNumber, String reason) {
        if (connection.reportMail() != ReportMail.OFF) {
            send("【楽楽明細連携】エラー: " + documentNumber, """
                    楽楽明細連携「%s」でエラーが発生しました。Cockpitのインシデントから再実行できます。
                    帳票No: %s
                    内容: %s""".formatted(connection.name(), documentNumber, reason));
        }
    }

    private void send(String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(admin);
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }
}
