package jp.partnerflow;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The feature packages form one stack — history → meisai → payment → billing → order →
 * notification → line → partner → company → platform — and each uses only those below it, through
 * their public API: no cycle, no package reaching up, and no feature's repositories used from
 * outside it (their tables are the feature's own). Each rule is also shown to fail on a deliberate
 * breach kept in the test sources ({@code *Breach} classes), so a rule that stopped matching anything
 * would not pass unnoticed.
 */
class ModuleBoundariesTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("jp.partnerflow");
    /** The service plus the deliberate breaches in the test sources. */
    private static final JavaClasses SERVICE_WITH_BREACHES = new ClassFileImporter()
            .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                    || location.contains("Breach"))
            .importPackages("jp.partnerflow");

    private static final ArchRule NO_CYCLE = slices().matching("jp.partnerflow.(*)..").should().beFreeOfCycles();

    private static final ArchRule EACH_FEATURE_USES_ONLY_THOSE_BELOW_IT = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("history").definedBy("jp.partnerflow.history..")
            .layer("meisai").definedBy("jp.partnerflow.meisai..")
            .layer("payment").definedBy("jp.partnerflow.payment..")
            .layer("billing").definedBy("jp.partnerflow.billing..")
            .layer("order").definedBy("jp.partnerflow.order..")
            .layer("notification").definedBy("jp.partnerflow.notification..")
            .layer("line").definedBy("jp.partnerflow.line..")
            .layer("partner").definedBy("jp.partnerflow.partner..")
            .layer("company").definedBy("jp.partnerflow.company..")
            .layer("platform").definedBy("jp.partnerflow.platform..")
            .whereLayer("history").mayNotBeAccessedByAnyLayer()
            .whereLayer("meisai").mayOnlyBeAccessedByLayers("history")
            .whereLayer("payment").mayOnlyBeAccessedByLayers("meisai", "history")
            .whereLayer("billing").mayOnlyBeAccessedByLayers("payment", "meisai", "history")
            .whereLayer("order").mayOnlyBeAccessedByLayers("billing", "payment", "meisai", "history")
            .whereLayer("notification").mayOnlyBeAccessedByLayers("order", "billing", "payment", "meisai", "history")
            .whereLayer("line").mayOnlyBeAccessedByLayers("notification", "order", "billing", "payment", "meisai", "history")
            .whereLayer("partner").mayOnlyBeAccessedByLayers("line", "notification", "order", "billing", "payment",
                    "meisai", "history")
            .whereLayer("company").mayOnlyBeAccessedByLayers("partner", "line", "notification", "order", "billing",
                    "payment", "meisai", "history");

    /**
     * SQL lives in repositories (docs/architecture.md): Spring Data repositories and their fragments
     * ({@code *Impl}), or a {@code @Repository} class for set-based SQL; services call them. The one
     * exception is the engine's schema index, made by an engine plugin before the engine starts.
     */
    private static final ArchRule SQL_LIVES_IN_REPOSITORIES = ArchRuleDefinition.noClasses()
            .that().areNotAnnotatedWith(org.springframework.stereotype.Repository.class)
            .and().haveSimpleNameNotEndingWith("Impl")
            .and().doNotHaveFullyQualifiedName("jp.partnerflow.platform.JobAcquisitionIndex")
            .should().dependOnClassesThat().belongToAnyOf(org.springframework.jdbc.core.simple.JdbcClient.class,
                    org.springframework.jdbc.core.JdbcOperations.class,
                    org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations.class);

    /** A repository is package-private (the compiler keeps it in); this also catches a public one used outside. */
    private static final ArchRule A_FEATURES_REPOSITORIES_ARE_ITS_OWN = ArchRuleDefinition.classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should(new ArchCondition<JavaClass>("be used only inside their own package") {
                @Override
                public void check(JavaClass repository, ConditionEvents events) {
                    repository.getDirectDependenciesToSelf().stream()
                            .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(repository.getPackageName()))
                            .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
                }
            })
            .allowEmptyShould(false);

    @Test
    void noCycleBetweenFeatures() {
        NO_CYCLE.check(SERVICE);
    }

    @Test
    void eachFeatureUsesOnlyThoseBelowIt() {
        EACH_FEATURE_USES_ONLY_THOSE_BELOW_IT.check(SERVICE);
    }

    @Test
    void sqlLivesInRepositories() {
        SQL_LIVES_IN_REPOSITORIES.check(SERVICE);
    }

    @Test
    void aFeaturesRepositoriesAreItsOwn() {
        A_FEATURES_REPOSITORIES_ARE_ITS_OWN.check(SERVICE);
    }

    @Test
    void theRulesFailOnABreach() {
        assertThatThrownBy(() -> NO_CYCLE.check(SERVICE_WITH_BREACHES)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected").hasMessageContaining("CompanyReachingUpBreach");
        assertThatThrownBy(() -> EACH_FEATURE_USES_ONLY_THOSE_BELOW_IT.check(SERVICE_WITH_BREACHES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CompanyReachingUpBreach.partners").hasMessageContaining("partner.Partners");
        assertThatThrownBy(() -> SQL_LIVES_IN_REPOSITORIES.check(SERVICE_WITH_BREACHES)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderSqlInAServiceBreach");
    }

    /** Which feature owns which table (the migrations make them); payment also publishes two views (V20). */
    private static final Map<String, List<String>> TABLES = Map.of(
            "company", List.of("company"),
            "partner", List.of("partner", "partner_access_token", "partner_consent"),
            "order", List.of("purchase_order"),
            "billing", List.of("billing_month", "work_report", "work_report_entry", "invoice", "invoice_attachment",
                    "invoice_expense", "invoice_line", "invoice_review", "invoice_version"),
            "payment", List.of("payment_notice", "payment_notice_event", "payment_notice_version"),
            "notification", List.of("notice", "notice_action", "notice_delivery"),
            "line", List.of("line_monthly_limit", "line_rich_menu", "line_webhook_event"),
            "meisai", List.of("meisai_connection", "meisai_customer", "meisai_issue", "meisai_record_list",
                    "meisai_record_update", "meisai_run", "meisai_run_import", "meisai_timer"));

    /** A feature's SQL names its own tables only: another's data comes through its API or its published views. */
    @Test
    void aFeaturesSqlReadsItsOwnTables() throws IOException {
        List<String> breaches = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/jp/partnerflow"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                otherFeaturesTables(source.getParent().getFileName().toString(), Files.readString(source))
                        .forEach(table -> breaches.add(source + " uses table " + table));
            }
        }
        assertThat(breaches).isEmpty();
        assertThat(otherFeaturesTables("meisai", "SELECT n.id FROM meisai_issue i JOIN payment_notice n ON n.id = i.notice_id"))
                .containsExactly("payment_notice");
        assertThat(otherFeaturesTables("meisai", "SELECT id FROM approved_payment_notice")).isEmpty();
    }

    private static List<String> otherFeaturesTables(String feature, String code) {
        List<String> found = new ArrayList<>();
        TABLES.forEach((owner, tables) -> {
            if (!owner.equals(feature)) {
                tables.stream().filter(table -> Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE)\\s+" + table + "\\b")
                        .matcher(code).find()).forEach(found::add);
            }
        });
        return found;
    }
}
