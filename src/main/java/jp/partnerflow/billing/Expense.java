package jp.partnerflow.billing;

import org.springframework.data.relational.core.mapping.Table;

import jp.partnerflow.platform.InvalidFieldException;

/** 立替経費: an expense the partner paid for the company, listed apart from the fee, without consumption tax. */
@Table("invoice_expense")
public record Expense(String content, long amount) {
    public Expense {
        if (content == null || content.isBlank()) {
            throw new InvalidFieldException("content", "must not be blank", "入力してください。");
        }
        if (amount <= 0) {
            throw new InvalidFieldException("amount", "must be greater than 0");
        }
    }
}
