// Drives the kgraph viewer in Debian's headless chromium through playwright-core.
//   node tests/viewer/viewer.test.mjs http://127.0.0.1:PORT target/screenshots
// Expects the store built from tests/server_clients/fixture.ru. Exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2] || 'http://127.0.0.1:7878';
const shots = process.argv[3] || 'target/screenshots';
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'kgraph-chromium-'));

function check(cond, message) {
  if (!cond) throw new Error('viewer check failed: ' + message);
  console.log('ok - ' + message);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const errors = [];
const offsite = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  // The one deliberate bad query logs its 400; anything else logged as an error fails the test.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('status of 400')) errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });
  page.setDefaultTimeout(15000);

  // 1. Open the viewer, run the default query, see rows.
  await page.goto(base + '/');
  await page.waitForSelector('#query');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelectorAll('#results tr').length > 1);
  const rows = await page.locator('#results tr').count();
  const table = await page.textContent('#results');
  check(rows - 1 === 6, `the default query shows 6 fact rows (saw ${rows - 1})`);
  check(table.includes('Greta Quillen') && table.includes('Colombia'), 'the results table shows entity labels');
  check((await page.textContent('#status')).includes('6 rows'), 'the status line counts the rows');
  await page.screenshot({ path: join(shots, 'viewer-query.png'), fullPage: true });

  // A syntax error is shown, not thrown.
  await page.fill('#query', 'SELECT WHERE {');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#status').classList.contains('error'));
  check((await page.textContent('#status')).startsWith('400'), 'a bad query shows the 400 message');

  // 2. Search an entity, open its neighbourhood (depth 1).
  await page.fill('#search', 'quillen');
  await page.waitForSelector('#search-results li[data-iri]');
  await page.click('#search-results li[data-iri="http://kgraph.local/entity/greta_quillen"]');
  await page.waitForFunction(() => /depth 1/.test(document.querySelector('#graph-status').textContent));
  const diagram = await page.evaluate(() => window.kgraphDiagram);
  check(diagram.nodes === 3 && diagram.edges === 3, `Quillen's depth-1 neighbourhood has 3 nodes and 3 edges (saw ${JSON.stringify(diagram)})`);
  await page.waitForSelector('#details .node-title');
  const node = await page.textContent('#details');
  check(node.includes('Greta Quillen') && node.includes('kg:Person') && node.includes('Quillen') && node.includes('Q99990001'),
    'the focused node shows type, aliases and Wikidata id');
  await page.screenshot({ path: join(shots, 'viewer-entity.png'), fullPage: true });

  // Depth 2 reaches the United States through Strand.
  await page.selectOption('#depth', '2');
  await page.waitForFunction(() => /4 nodes, 5 edges \(depth 2\)/.test(document.querySelector('#graph-status').textContent));
  check(true, 'depth 2 adds the United States (4 nodes, 5 edges)');

  // 3. Click the "opposes" edge (a real mouse click at its midpoint), see its evidence.
  const point = await page.evaluate(() => {
    const edge = cy.edges().filter((e) => e.data('label').startsWith('opposes'))[0];
    const box = document.getElementById('graph').getBoundingClientRect();
    const m = edge.renderedMidpoint();
    return { x: box.left + m.x, y: box.top + m.y };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector('#details .edge-title');
  const evidence = await page.locator('#details .evidence').allTextContents();
  check(evidence.length === 2, `the opposes edge has 2 evidence sentences (saw ${evidence.length})`);
  const all = evidence.join('\n');
  check(all.includes('According to Reuters, Strand strongly opposed') && all.includes('Strand criticised Quillen again'), 'both sentences are shown');
  check(all.includes('Quillen answers Washington') && all.includes('news/quillen.txt'), 'the document title and source path are shown');
  check(all.includes('according to: Reuters') && all.includes('confidence 0.80') && all.includes('modality: asserted'), 'flags: attribution, confidence, modality');
  const marks = await page.locator('#details .evidence mark').allTextContents();
  check(marks.includes('strongly opposed') && marks.includes('Strand'), `the span is highlighted (marks: ${marks.join(', ')})`);
  await page.screenshot({ path: join(shots, 'viewer-edge.png'), fullPage: true });

  // The negated edge is drawn dashed and says so.
  const negPoint = await page.evaluate(() => {
    const edge = cy.edges().filter((e) => e.data('label').startsWith('meets'))[0];
    const box = document.getElementById('graph').getBoundingClientRect();
    const m = edge.renderedMidpoint();
    return { x: box.left + m.x, y: box.top + m.y, plain: edge.data('plain') };
  });
  check(negPoint.plain === 0, 'the negated "meets" fact is drawn as a non-plain (dashed) edge');
  await page.mouse.click(negPoint.x, negPoint.y);
  await page.waitForFunction(() => document.querySelector('#details .evidence.negated'));
  check((await page.textContent('#details')).includes('negated'), 'the negated flag is shown');

  // 4. Draw a CONSTRUCT result.
  await page.selectOption('#examples', { index: 4 });
  await page.click('#draw');
  await page.waitForFunction(() => /edges drawn/.test(document.querySelector('#status').textContent));
  const drawn = await page.evaluate(() => window.kgraphDiagram);
  // Plain facts only: the modal "visits" fact states its flags, and the two "opposes" facts are one triple.
  check(drawn.edges === 3, `CONSTRUCT of the plain facts draws 3 edges (saw ${JSON.stringify(drawn)})`);
  await page.screenshot({ path: join(shots, 'viewer-construct.png'), fullPage: true });

  check(errors.length === 0, `no JavaScript errors (${errors.join(' | ')})`);
  check(offsite.length === 0, `no request left the server (${offsite.join(', ')})`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log('viewer: all checks passed');
