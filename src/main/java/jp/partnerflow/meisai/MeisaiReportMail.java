package jp.partnerflow.meisai;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import jp.partnerflow.meisai.MeisaiSettings.ReportMail;
import jp.partnerflow.meisai.MeisaiSettings.ReportMailTo;
import jp.partnerflow.platform.MailSwitch;

/**
 * レポートメール of a 楽楽明細 run, as the connection says: on completion or error, on error only, or
 * never; to the executor (実行者: the staff user who ran it or set its timer, by the e-mail of their
 * Camunda user) or to the admin. An issuance at approval has no executor: its mail goes to the admin,
 * as does one whose executor has no e-mail address.
 */
@Component
class MeisaiReportMail {
    private final JavaMailSender mail;
    private final IdentityService identity;
    private final MailSwitch mailSwitch;
    private final String from;
    private final String admin;

    MeisaiReportMail(JavaMailSender mail, IdentityService identity, MailSwitch mailSwitch, @Value("${partnerflow.mail.from}") String from,
            @Value("${partnerflow.mail.admin}") String admin) {
        this.mail = mail;
        this.identity = identity;
        this.mailSwitch = mailSwitch;
        this.from = from;
        this.admin = admin;
    }

    /** @param what the document number or run the subject names */
    void completed(MeisaiConnection connection, String executor, String what, String details) {
        if (connection.reportMail() == ReportMail.ON_COMPLETION_OR_ERROR) {
            send(recipient(connection, executor), "【楽楽明細連携】完了: " + what, """
                    楽楽明細連携「%s」が完了しました。
                    %s""".formatted(connection.name(), details));
        }
    }

    void failed(MeisaiConnection connection, String executor, String what, String details) {
        if (connection.reportMail() != ReportMail.OFF) {
            send(recipient(connection, executor), "【楽楽明細連携】エラー: " + what, """
                    楽楽明細連携「%s」でエラーが発生しました。Cockpitのインシデントから再実行できます。
                    %s""".formatted(connection.name(), details));
        }
    }

    private String recipient(MeisaiConnection connection, String executor) {
        if (connection.reportMailTo() == ReportMailTo.EXECUTOR && executor != null) {
            User user = identity.createUserQuery().userId(executor).singleResult();
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                return user.getEmail();
            }
        }
        return admin;
    }

    private void send(String to, String subject, String text) {
        if (!mailSwitch.enabled()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }
}
