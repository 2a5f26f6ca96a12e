package jp.partnerflow.notification;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.company.Companies;
import jp.partnerflow.line.LineMessenger;
import jp.partnerflow.partner.PartnerContact;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.MailSwitch;

/**
 * The one "notify partner" port. Every notice is in-app (the notice row) and goes by mail (when the
 * service has SMTP); LINE too when {@code dmn/notification-channels.dmn} says so. It names the
 * company it comes from, since one LINE user may be a partner of several. It writes the notice and one delivery row per external channel in
 * the caller's transaction (the process step that decided it); once that commits, {@link NoticeSender}
 * delivers it, and a failed delivery goes to {@code notice-delivery.bpmn} for retries, so nothing is
 * lost when a channel is down and nothing is sent for a step that rolled back.
 */
@Service
public class NotifyPartner {
    private final NoticeRepository notices;
    private final NoticeDeliveryRepository deliveries;
    private final Partners partners;
    private final Companies companies;
    private final ChannelDecision channels;
    private final LineMessenger line;
    private final MailSwitch mail;
    private final NoticeSender sender;
    private final Clock clock;

    NotifyPartner(NoticeRepository notices, NoticeDeliveryRepository deliveries, Partners partners,
            Companies companies, ChannelDecision channels, LineMessenger line, MailSwitch mail, NoticeSender sender,
            Clock clock) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.partners = partners;
        this.companies = companies;
        this.channels = channels;
        this.line = line;
        this.mail = mail;
        this.sender = sender;
        this.clock = clock;
    }

    /** @return the id of the stored notice */
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(PartnerNotice request) {
        PartnerContact partner = partners.contact(request.partnerId());
        Companies.NoticeSender company = companies.noticeSender(partner.companyId());
        Notice notice = notices.insert(new Notice(null, partner.id(), company.name(), request.type(),
                request.type().title(), request.body(), request.linkUrl(), request.actions(), clock.instant(),
                request.card() == null ? null : request.card().toJson()));
        boolean byMail = mail.enabled();
        boolean onLine = line.enabled() && channels.line(company.lineOption(),
                partner.linkedToLine(), partner.lineFollowing());
        if (byMail) {
            deliver(notice, NoticeDelivery.Channel.MAIL, partner.email());
        }
        if (onLine) {
            deliver(notice, NoticeDelivery.Channel.LINE, partner.lineUserId());
        }
        if (byMail || onLine) {
            sender.sendAfterCommit(notice.id());
        }
        return notice.id();
    }

    private void deliver(Notice notice, NoticeDelivery.Channel channel, String recipient) {
        deliveries.insertPending(notice.id(), channel.name(), recipient, UUID.randomUUID(), clock.instant());
    }
}
