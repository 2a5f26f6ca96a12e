// Checks forms/ as Camunda 7.24 Tasklist renders them (form-js with schema version 16): every form
// imports without warnings, its id is its file name (formRef uses the id), and every formRef in
// bpmn/ names a form that exists. Usage: node forms.cjs <forms dir> <bpmn dir>
const fs = require('fs');
const path = require('path');
const { JSDOM } = require('jsdom');

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'getComputedStyle',
  'MutationObserver', 'CustomEvent', 'Event', 'KeyboardEvent', 'requestAnimationFrame', 'cancelAnimationFrame',
  'DOMParser']) {
  globalThis[name] = dom.window[name];
}
const { Form, schemaVersion } = require('@bpmn-io/form-js-viewer');

async function main([formsDir, bpmnDir]) {
  const problems = [];
  const ids = new Set();
  for (const file of fs.readdirSync(formsDir).filter((f) => f.endsWith('.form')).sort()) {
    const schema = JSON.parse(fs.readFileSync(path.join(formsDir, file), 'utf8'));
    ids.add(schema.id);
    if (schema.id !== path.basename(file, '.form')) {
      problems.push(`${file}: id "${schema.id}" differs from the file name`);
    }
    if (schema.schemaVersion > schemaVersion) {
      problems.push(`${file}: schemaVersion ${schema.schemaVersion} is newer than Tasklist's ${schemaVersion}`);
    }
    const container = document.createElement('div');
    document.body.appendChild(container);
    try {
      const { warnings } = await new Form({ container }).importSchema(schema, {});
      warnings.forEach((w) => problems.push(`${file}: ${w.message}`));
    } catch (e) {
      problems.push(`${file}: does not import: ${e.message}`);
    }
  }
  for (const file of fs.readdirSync(bpmnDir).filter((f) => f.endsWith('.bpmn')).sort()) {
    const xml = fs.readFileSync(path.join(bpmnDir, file), 'utf8');
    for (const [, ref] of xml.matchAll(/camunda:formRef="([^"]+)"/g)) {
      if (!ids.has(ref)) {
        problems.push(`${file}: formRef "${ref}" names no form in forms/`);
      }
    }
  }
  problems.forEach((p) => console.error(p));
  console.log(`forms: ${ids.size} checked, ${problems.length} problem(s)`);
  process.exit(problems.length ? 1 : 0);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
