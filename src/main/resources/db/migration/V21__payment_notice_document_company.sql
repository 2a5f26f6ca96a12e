-- The document view also names the company whose notice it is: a 楽楽明細 step finds the company's
-- connection from the one row it reads, instead of reading the notice, its partner and their company.
CREATE OR REPLACE VIEW payment_notice_document AS
SELECT n.id AS payment_notice_id, n.number, n.partner_id, p.name AS partner_name, c.name AS company_name,
       n.billing_month, v.version, v.amount_ten_percent, v.tax_ten_percent, v.amount_eight_percent,
       v.tax_eight_percent, v.amount_non_taxable, v.expenses, v.withholding, v.amount_paid, v.payment_date, v.note,
       v.sent_at, v.confirmation_deadline, p.company_id
FROM payment_notice n
JOIN partner p ON p.id = n.partner_id
JOIN company c ON c.id = p.company_id
JOIN payment_notice_version v ON v.payment_notice_id = n.id;
