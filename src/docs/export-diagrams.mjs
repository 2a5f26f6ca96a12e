// Renders every bpmn/*.bpmn to docs/processes/<name>.svg with bpmn-js (the renderer Camunda Modeler
// uses) in a headless Chromium. Each SVG names the model's SHA-256, so ProcessPagesTest can tell a
// diagram that no longer shows its model.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const models = join(root, 'bpmn');
const out = join(root, 'docs', 'processes');
mkdirSync(out, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new']
});
try {
  const page = await browser.newPage();
  await page.setContent('<div id="canvas" style="width:1600px;height:1000px"></div>');
  await page.addScriptTag({ path: join(dirname(fileURLToPath(import.meta.url)), 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js') });
  for (const file of readdirSync(models).filter(f => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(models, file), 'utf8');
    const svg = await page.evaluate(async (xml) => {
      const viewer = new BpmnJS({ container: '#canvas' });
      try {
        await viewer.importXML(xml);
        return (await viewer.saveSVG()).svg;
      } finally {
        viewer.destroy();
      }
    }, xml);
    const sha = createHash('sha256').update(readFileSync(join(models, file))).digest('hex');
    const name = file.replace(/\.bpmn$/, '');
    writeFileSync(join(out, name + '.svg'),
      svg.replace(/^(<\?xml[^>]*\?>\s*)?/, (decl) => `${decl || ''}<!-- bpmn/${file} sha256:${sha} -->\n`));
    console.log(`docs/processes/${name}.svg`);
  }
} finally {
  await browser.close();
}
