package jp.partnerflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jp.partnerflow.support.FeatureTest;

/**
 * The models' expressions bind to the service: every {@code ${bean.method(…)}} names a bean that
 * exists and a method of that name taking that many arguments ({@code ${bean.property}} a getter),
 * every other name is a process variable with a constant in its process's {@code *Process} class.
 * A renamed Java method or variable fails here, not when a token first reaches it.
 */
class ModelBindingTest extends FeatureTest {
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)(\\(([^()]*)\\))?");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.\"'])([A-Za-z_]\\w*)(?![\\w\"'(])");
    /** What Camunda's expressions know without the service: the execution, the task, literals and operators. */
    private static final Set<String> ENGINE = Set.of("execution", "task", "null", "true", "false", "and", "or", "not",
            "eq", "ne", "lt", "gt", "le", "ge", "empty");

    @Autowired
    ApplicationContext context;

    /** The feature each model belongs to: its expressions call that feature's beans and platform's, no other's. */
    private static final Map<String, String> FEATURE = Map.of("purchase-order.bpmn", "order",
            "billing-month.bpmn", "billing", "payment-notice.bpmn", "payment", "meisai-issuance.bpmn", "meisai",
            "meisai-run.bpmn", "meisai", "meisai-timers.bpmn", "meisai", "notice-delivery.bpmn", "notification",
            "line-event-retry.bpmn", "line", "line-monthly-limit.bpmn", "line", "modeler-deployment-kept.bpmn", "platform");
    /** The one documented composition of two features in a model: an order starts billing's months. */
    private static final Set<String> COMPOSITION = Set.of("purchase-order.bpmn → billingMonths");

    @Test
    void everyExpressionNamesABeanMethodOrAVariableThatExists() throws IOException {
        Set<String> variables = processVariables();
        List<String> problems = new ArrayList<>();
        expressions().forEach((where, expression) -> check(where, expression, variables, problems));
        assertThat(problems).isEmpty();
    }

    /** Hand-offs between features are events (docs/architecture.md), not a model calling another feature's bean. */
    @Test
    void aModelCallsOnlyItsOwnFeaturesBeans() throws IOException {
        List<String> problems = new ArrayList<>();
        expressions().forEach((where, expression) -> problems.addAll(crossings(where, expression)));
        assertThat(problems).isEmpty();
        assertThat(crossings("payment-notice.bpmn: ${…}", "meisaiRuns.send(runId)"))
                .containsExactly("payment-notice.bpmn: ${…}: payment's model calls meisai's bean meisaiRuns");
        assertThat(crossings("purchase-order.bpmn: ${…}", "billingMonths.of(orderId)")).isEmpty();
    }

    /** Every expression of every model, by where it is ("file: ${…}"), its string literals blanked. */
    private static Map<String, String> expressions() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).isNotEmpty();
        for (Path model : models) {
            // documentation is prose for Modeler, not run — but a user task's is its description, evaluated by Camunda
            String xml = Files.readString(model)
                    .replaceAll("(?s)(<bpmn:userTask[^>]*>\\s*)<bpmn:documentation>(.*?)</bpmn:documentation>", "$1$2")
                    .replaceAll("(?s)<bpmn:documentation>.*?</bpmn:documentation>", "");
            Matcher expressions = EXPRESSION.matcher(xml);
            while (expressions.find()) {
                found.put(model.getFileName() + ": ${" + expressions.group(1) + "}",
                        expressions.group(1).replaceAll("\"[^\"]*\"|'[^']*'", "\"\""));
            }
        }
        return found;
    }

    private List<String> crossings(String where, String expression) {
        String model = where.substring(0, where.indexOf(':'));
        String feature = FEATURE.get(model);
        if (feature == null) {
            return List.of(where + ": " + model + " has no feature in ModelBindingTest.FEATURE");
        }
        List<String> found = new ArrayList<>();
        Matcher name = Pattern.compile("(?<![\\w.\"'])([A-Za-z_]\\w*)").matcher(expression);
        while (name.find()) {
            String bean = name.group(1);
            if (ENGINE.contains(bean) || !context.containsBean(bean)) {
                continue;
            }
            String owner = AopUtils.getTargetClass(context.getBean(bean)).getPackageName()
                    .replaceFirst("^jp\\.partnerflow\\.([a-z]+).*", "$1");
            if (!owner.equals(feature) && !owner.equals("platform") && !COMPOSITION.contains(model + " → " + bean)) {
                found.add(where + ": " + feature + "'s model calls " + owner + "'s bean " + bean);
            }
        }
        return found;
    }

    @Test
    void aBrokenBindingIsNamed() {
        Set<String> variables = processVariables();
        List<String> problems = new ArrayList<>();
        check("a", "purchaseOrderz.approve(orderId)", variables, problems);
        check("b", "purchaseOrders.approve(orderId, billingMonth)", variables, problems);
        check("c", "purchaseOrders.approveAll(orderId)", variables, problems);
        check("d", "purchaseOrders.approve(orderNo)", variables, problems);
        check("e", "meisaiRuns.retryCycles", variables, problems);
        check("f", "purchaseOrders.approve(orderId)", variables, problems);
        assertThat(problems).containsExactly("a: purchaseOrderz is no bean",
                "b: purchaseOrders (PurchaseOrders) has no method approve with 2 argument(s)",
                "c: purchaseOrders (PurchaseOrders) has no method approveAll with 1 argument(s)",
                "d: orderNo is neither a bean nor a process variable with a constant",
                "e: meisaiRuns (MeisaiRuns) has no property retryCycles");
    }

    private void check(String where, String expression, Set<String> variables, List<String> problems) {
        Set<String> beansUsed = new HashSet<>();
        Matcher call = CALL.matcher(expression);
        while (call.find()) {
            String owner = call.group(1);
            if (ENGINE.contains(owner)) {
                continue;
            }
            if (!context.containsBean(owner)) {
                problems.add(where + ": " + owner + " is no bean");
                continue;
            }
            beansUsed.add(owner);
            Class<?> type = AopUtils.getTargetClass(context.getBean(owner));
            String member = call.group(2);
            if (call.group(3) != null) {
                int arity = call.group(4).isBlank() ? 0 : call.group(4).split(",").length;
                boolean found = Arrays.stream(type.getMethods())
                        .anyMatch(m -> m.getName().equals(member) && m.getParameterCount() == arity);
                if (!found) {
                    problems.add(where + ": " + owner + " (" + type.getSimpleName() + ") has no method " + member
                            + " with " + arity + " argument(s)");
                }
            } else if (Arrays.stream(type.getMethods()).map(Method::getName)
                    .noneMatch(m -> m.equals("get" + Character.toUpperCase(member.charAt(0)) + member.substring(1)))) {
                problems.add(where + ": " + owner + " (" + type.getSimpleName() + ") has no property " + member);
            }
        }
        Matcher name = NAME.matcher(expression.replaceAll("\\.[A-Za-z_]\\w*", ""));
        while (name.find()) {
            String identifier = name.group(1);
            if (ENGINE.contains(identifier) || beansUsed.contains(identifier)) {
                continue;
            }
            if (context.containsBean(identifier)) {
                continue; // a delegate or listener bean: ${reviewInvoiceForm}
            }
            if (!variables.contains(identifier)) {
                problems.add(where + ": " + identifier + " is neither a bean nor a process variable with a constant");
            }
        }
    }

    /** The values of the String constants of every *Process class: the process variables' names. */
    private static Set<String> processVariables() {
        Set<String> names = new HashSet<>();
        for (JavaClass process : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.partnerflow")) {
            if (!process.getSimpleName().endsWith("Process")) {
                continue;
            }
            for (Field field : process.reflect().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        field.setAccessible(true);
                        names.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }
}
