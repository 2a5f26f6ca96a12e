-- Payment's published read models: what other features (楽楽明細's runs) read of payment notices,
-- set-based, instead of payment's own tables and statuses. Payment owns these views; a change to its
-- tables keeps them.

-- The final version of every approved payment notice (by the partner or by its deadline), with its
-- company and when it was approved.
CREATE VIEW approved_payment_notice AS
SELECT n.id AS payment_notice_id, v.version, n.partner_id, p.company_id, e.occurred_at AS approved_at
FROM payment_notice n
JOIN partner p ON p.id = n.partner_id
JOIN payment_notice_version v ON v.payment_notice_id = n.id
 AND v.version = (SELECT MAX(l.version) FROM payment_notice_version l WHERE l.payment_notice_id = n.id)
JOIN payment_notice_event e ON e.payment_notice_id = n.id AND e.version = v.version
 AND e.kind IN ('APPROVED', 'AUTO_APPROVED')
WHERE n.status IN ('APPROVED', 'AUTO_APPROVED');

-- Every version of every payment notice as a document: its number, partner, company and amounts.
CREATE VIEW payment_notice_document AS
SELECT n.id AS payment_notice_id, n.number, n.partner_id, p.name AS partner_name, c.name AS company_name,
       n.billing_month, v.version, v.amount_ten_percent, v.tax_ten_percent, v.amount_eight_percent,
       v.tax_eight_percent, v.amount_non_taxable, v.expenses, v.withholding, v.amount_paid, v.payment_date, v.note,
       v.sent_at, v.confirmation_deadline
FROM payment_notice n
JOIN partner p ON p.id = n.partner_id
JOIN company c ON c.id = p.company_id
JOIN payment_notice_version v ON v.payment_notice_id = n.id;
