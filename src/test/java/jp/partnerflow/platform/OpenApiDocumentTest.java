package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import jp.partnerflow.support.FeatureTest;

/**
 * The OpenAPI document of {@code /api} as a client generator reads it: it parses without a message,
 * and every schema a request or a response uses — with every property in it — says what type it is.
 */
class OpenApiDocumentTest extends FeatureTest {

    @Test
    void everyRequestAndResponseSchemaHasAType() {
        String document = api.anonymous().get("/v3/api-docs").text();

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, null);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        OpenAPI openApi = parsed.getOpenAPI();
        List<String> untyped = new ArrayList<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                media(operation).forEach(media -> check(openApi, method + " " + path, media.getSchema(), untyped, 0))));

        assertThat(untyped).as("schemas without a type").isEmpty();
        assertThat(openApi.getPaths()).containsKeys("/api/orders", "/api/partners", "/api/partners/{id}/bank-account");
    }

    private static List<MediaType> media(Operation operation) {
        List<MediaType> media = new ArrayList<>();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            media.addAll(operation.getRequestBody().getContent().values());
        }
        operation.getResponses().values().stream().filter(r -> r.getContent() != null)
                .forEach(r -> media.addAll(r.getContent().values()));
        return media;
    }

    private static void check(OpenAPI openApi, String where, Schema<?> schema, List<String> untyped, int depth) {
        if (schema == null || depth > 6) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            check(openApi, where + " → " + name, openApi.getComponents().getSchemas().get(name), untyped, depth + 1);
            return;
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? String.join("|", schema.getTypes()) : null;
        boolean composed = schema.getAllOf() != null || schema.getOneOf() != null || schema.getAnyOf() != null;
        if (!composed && (type == null || type.equals("null"))) {
            untyped.add(where + ": " + schema);
        }
        if (schema.getItems() != null) {
            check(openApi, where + "[]", schema.getItems(), untyped, depth + 1);
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                check(openApi, where + "." + property.getKey(), property.getValue(), untyped, depth + 1);
            }
        }
    }
}
