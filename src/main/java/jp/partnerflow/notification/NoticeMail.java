package jp.partnerflow.notification;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * A notice by mail: the company as the sender's name, the headline as the subject, the same lines as
 * on LINE and in-app, and the page
 * links of its buttons (a one-tap LINE answer becomes the link to the page, where the same answer is
 * given). A batch goes over one SMTP connection.
 */
@Component
class NoticeMail {
    private final JavaMailSender mail;
    private final String from;

    NoticeMail(JavaMailSender mail, @Value("${partnerflow.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /** Sends each (delivery → notice); returns the deliveries that failed, with the reason. */
    Map<Long, String> send(Map<NoticeDelivery, Notice> batch) {
        Map<Long, String> failed = new LinkedHashMap<>();
        Map<MimeMessage, Long> messages = new LinkedHashMap<>();
        for (Map.Entry<NoticeDelivery, Notice> entry : batch.entrySet()) {
            try {
                messages.put(message(entry.getKey().recipient(), entry.getValue()), entry.getKey().id());
            } catch (MessagingException | UnsupportedEncodingException e) {
                failed.put(entry.getKey().id(), "the mail could not be written: " + e.getMessage());
            }
        }
        if (messages.isEmpty()) {
            return failed;
        }
        try {
            mail.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                messages.values().forEach(id -> failed.put(id, reason(e)));
            }
            e.getFailedMessages().forEach((message, cause) -> failed.put(messages.get(message), reason(cause)));
        } catch (MailException e) {
            messages.values().forEach(id -> failed.put(id, reason(e)));
        }
        return failed;
    }

    MimeMessage message(String to, Notice notice) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        // the company as the sender's name: the inbox says who the notice is from (a partner may work for several)
        helper.setFrom(from, notice.sender());
        helper.setTo(to);
        helper.setSubject(notice.title());
        helper.setText(text(notice));
        return message;
    }

    static String text(Notice notice) {
        List<String> lines = new ArrayList<>();
        lines.add(notice.title());
        lines.add(notice.sender());
        lines.add("");
        lines.add(notice.body());
        List<String> links = new ArrayList<>();
        for (NoticeAction action : notice.actions()) {
            if (action.url() != null) {
                links.add(action.label() + ": " + action.url());
            }
        }
        if (notice.linkUrl() != null && links.stream().noneMatch(l -> l.endsWith(": " + notice.linkUrl()))) {
            links.add("詳しくはこちら: " + notice.linkUrl());
        }
        if (!links.isEmpty()) {
            lines.add("");
            lines.addAll(links);
        }
        lines.add("");
        lines.add("このメールは送信専用です。");
        return String.join("\n", lines);
    }

    private static String reason(Exception e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
