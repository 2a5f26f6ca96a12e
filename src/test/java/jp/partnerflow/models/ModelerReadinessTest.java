package jp.partnerflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What process owners need to open and edit the models in Camunda Modeler: valid XML, a diagram
 * (DI) for every element, readable names, ids in Camunda's convention, file name = id, history TTL.
 */
class ModelerReadinessTest {

    static Stream<Path> bpmnFiles() throws Exception {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn"));
    }

    static Stream<Path> dmnFiles() throws Exception {
        return Files.list(Path.of("dmn")).filter(p -> p.toString().endsWith(".dmn"));
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void bpmnOpensInModeler(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
        Bpmn.validateModel(model);

        Process process = model.getModelElementsByType(Process.class).iterator().next();
        assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(process.getName()).isNotBlank();

        List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).toList();
        List<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).toList();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(shapes).as("diagram shape of " + node.getId()).contains(node.getId());
            assertThat(node.getName()).as("name of " + node.getId()).isNotBlank();
            assertThat(node.getId()).as("id convention").matches("(StartEvent|EndEvent|Task|UserTask|Gateway|Timer|Event)_[A-Z][A-Za-z]+");
        }
        for (BaseElement flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as("diagram edge of " + flow.getId()).contains(flow.getId());
        }
    }

    @ParameterizedTest
    @MethodSource("dmnFiles")
    void dmnOpensInModeler(Path file) throws Exception {
        DmnModelInstance model = Dmn.readModelFromFile(new File(file.toString()));
        Dmn.validateModel(model);

        Decision decision = model.getModelElementsByType(Decision.class).iterator().next();
        assertThat(file.getFileName().toString()).isEqualTo(decision.getId() + ".dmn");
        assertThat(decision.getName()).isNotBlank();
        assertThat(decision.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(Files.readString(file)).contains("<dmndi:DMNShape", "dmnElementRef=\"" + decision.getId() + "\"");
    }
}
