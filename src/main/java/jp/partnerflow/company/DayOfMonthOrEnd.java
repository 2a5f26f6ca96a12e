package jp.partnerflow.company;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A closing or payment day: 1–28, or 31 for the end of the month (末日). */
@Documented
@Constraint(validatedBy = DayOfMonthOrEnd.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface DayOfMonthOrEnd {
    String message() default "must be 1-28, or 31 for the end of the month";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DayOfMonthOrEnd, Integer> {
        @Override
        public boolean isValid(Integer day, ConstraintValidatorContext context) {
            return day == null || (day >= 1 && day <= 28) || day == PaymentTerms.END_OF_MONTH;
        }
    }
}
