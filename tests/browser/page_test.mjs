// The page devo serve hands out at /, in a real browser: Debian's Chromium
// driven by puppeteer-core (web/package-lock.json), against a server this
// test starts on a free localhost port and stops.
//
//   node page_test.mjs DEVO WEB_DIR SCRATCH
//
// It chooses Leeds by name and two neighbouring districts on the map, and
// checks the answer shown against `devo evaluate` for the same proposal; does
// the same with the keyboard alone; follows the shareable link; evaluates
// the downloaded YAML with the command line; gives a first election still to
// come; compares two rule sets; asks
// what it would take; and runs axe-core for WCAG 2.2 AA. Screenshots go to
// SCRATCH/screenshots. Any console error fails the test.

import {spawn, execFileSync} from 'node:child_process';
import {createRequire} from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const [devo, webDir, scratch] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(webDir), 'package.json'));
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const chromium = process.env.DEVO_CHROMIUM || '/usr/bin/chromium';

const shots = path.join(scratch, 'screenshots');
const downloads = path.join(scratch, 'downloads');
fs.rmSync(scratch, {recursive: true, force: true});
fs.mkdirSync(shots, {recursive: true});
fs.mkdirSync(downloads, {recursive: true});

const LEEDS = 'E08000035';
const BRADFORD = 'E08000032';
const WAKEFIELD = 'E08000036';
const CHOSEN = [LEEDS, BRADFORD, WAKEFIELD];

let failures = 0;
async function check(name, body) {
  try {
    await body();
    console.log(`ok: ${name}`);
  } catch (error) {
    failures += 1;
    console.log(`FAILED: ${name}\n  ${String(error.stack || error).split('\n').join('\n  ')}`);
  }
}

// ------------------------------------------------------------ the server

function startServer() {
  return new Promise((resolve, reject) => {
    const server = spawn(devo, ['serve', '--listen', '127.0.0.1:0'], {stdio: ['ignore', 'ignore', 'pipe']});
    let log = '';
    const timer = setTimeout(() => reject(new Error(`devo serve did not start:\n${log}`)), 30000);
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const listening = log.match(/listening on (http:\/\/[0-9.]+:\d+)\//);
      if (listening && !server.origin) {
        server.origin = listening[1];
        clearTimeout(timer);
        resolve(server);
      }
    });
    server.on('exit', (code) => reject(new Error(`devo serve exited with ${code}:\n${log}`)));
  });
}

// ------------------------------------------------------------ the page

async function openPage(browser, origin, url = '/', {bypassCsp = false} = {}) {
  const page = await browser.newPage();
  page.consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      page.consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => page.consoleErrors.push(error.message));
  await page.setBypassCSP(bypassCsp);
  await page.setViewport({width: 1280, height: 1000});
  await page.goto(origin + url, {waitUntil: 'networkidle0'});
  await page.waitForSelector('#map svg path[data-code]');
  await page.waitForSelector('#rules option');
  return page;
}

// Waits until the answer shown is for `councils` (in order) and settled.
async function answerFor(page, councils) {
  const wanted = councils.join(',');
  await page.waitForFunction((wanted) => {
    const answer = document.getElementById('answer');
    return answer.getAttribute('aria-busy') === 'false' && answer.getAttribute('data-councils') === wanted &&
      answer.querySelector('.devo-full');
  }, {timeout: 20000}, wanted);
  return page.evaluate(() => {
    const first = document.querySelector('#answer .devo-full');
    return {
      tier: first.querySelector('.devo-tier').getAttribute('data-tier'),
      tierText: first.querySelector('.devo-tier').textContent.trim(),
      invalid: !!first.querySelector('.devo-invalid'),
      powers: Array.from(first.querySelectorAll('.devo-powers tbody tr')).map((row) => ({
        title: row.querySelector('th').textContent.trim(),
        status: row.querySelectorAll('td')[1].textContent.trim(),
        held: row.querySelectorAll('td')[2].textContent.trim()
      })),
      councils: Array.from(document.querySelectorAll('#chosen li')).map((item) => item.getAttribute('data-code'))
    };
  });
}

// Waits until a search box lists `name` first (its list is for what was
// typed, not for a few letters of it), then chooses it from the keyboard.
async function chooseFirst(page, box, name) {
  await page.waitForFunction((box, name) => {
    const first = document.querySelector(`#${box}__listbox li.autocomplete__option`);
    return first && first.textContent.startsWith(name);
  }, {timeout: 20000}, box, name);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

// Chooses a council in the "Add a council" search box by typing its name.
async function addByName(page, name, code) {
  await page.click('#council-search');
  await page.keyboard.type(name);
  await chooseFirst(page, 'council-search', name);
  await page.waitForSelector(`#chosen li[data-code="${code}"]`);
}

// Clicks a district on the map at a point inside it that nothing covers.
async function clickDistrict(page, code) {
  const point = await page.evaluate((code) => {
    const path = document.querySelector(`#map path[data-code="${code}"]`);
    const box = path.getBoundingClientRect();
    for (let step = 8; step <= 64; step *= 2) {
      for (let i = 1; i < step; i += 1) {
        for (let j = 1; j < step; j += 1) {
          const x = box.left + box.width * i / step;
          const y = box.top + box.height * j / step;
          if (document.elementFromPoint(x, y) === path) {
            return {x, y};
          }
        }
      }
    }
    return null;
  }, code);
  assert.ok(point, `no visible point of ${code} on the map`);
  await page.mouse.click(point.x, point.y);
}

// ------------------------------------------------------------ the command line

function cliEvaluate(args) {
  return JSON.parse(execFileSync(devo, ['evaluate', ...args, '--format', 'json'], {encoding: 'utf8'}));
}

const STATUS_WORDS = {available: 'Available', unavailable: 'Not available', not_available: 'Not available', unknown: 'Not known'};

function sameAsCli(shown, cli) {
  assert.equal(shown.tier || null, cli.tier, 'the tier shown is the command line\'s');
  assert.equal(shown.invalid, cli.valid === false, 'validity');
  assert.deepEqual(shown.powers.map((power) => power.title), cli.powers.map((power) => power.title));
  assert.deepEqual(shown.powers.map((power) => power.status),
    cli.powers.map((power) => STATUS_WORDS[power.status] || power.status), 'each power\'s status');
}

async function downloaded(page, button, suffix) {
  const client = await page.createCDPSession();
  await client.send('Browser.setDownloadBehavior', {behavior: 'allow', downloadPath: downloads});
  // Chromium writes a download over a file of the same name: any such file
  // from an earlier download goes first.
  const earlier = fs.readdirSync(downloads).filter((name) => name.endsWith(suffix));
  earlier.forEach((name) => fs.rmSync(path.join(downloads, name)));
  await page.click(button);
  for (let i = 0; i < 100; i += 1) {
    const found = fs.readdirSync(downloads).filter((name) => name.endsWith(suffix));
    if (found.length) {
      return path.join(downloads, found[0]);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${suffix} file was downloaded`);
}

// ------------------------------------------------------------ the checks

const server = await startServer();
const origin = server.origin;
const browser = await puppeteer.launch({
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  headless: true
});

try {
  let mapAnswer = null;
  let shareLink = null;
  let rules = null;

  await check('the page loads with no console error', async () => {
    const page = await openPage(browser, origin);
    await page.screenshot({path: path.join(shots, '01-first-visit.png')});
    assert.deepEqual(page.consoleErrors, []);
    assert.equal(await page.title(), 'What could a devolution deal give this area? – devo');
    await page.close();
  });

  await check('Leeds by name and two neighbours on the map give devo evaluate\'s answer', async () => {
    const page = await openPage(browser, origin);
    await addByName(page, 'Leeds', LEEDS);
    await answerFor(page, [LEEDS]);
    await page.click('#zoom-chosen');
    await clickDistrict(page, BRADFORD);
    await page.waitForSelector(`#chosen li[data-code="${BRADFORD}"]`);
    await clickDistrict(page, WAKEFIELD);
    mapAnswer = await answerFor(page, CHOSEN);
    assert.deepEqual(mapAnswer.councils, CHOSEN);
    rules = await page.$eval('#rules', (select) => select.value);
    await page.screenshot({path: path.join(shots, '02-leeds-and-neighbours-map.png')});
    await page.screenshot({path: path.join(shots, '03-leeds-and-neighbours-full.png'), fullPage: true});

    const yaml = await downloaded(page, '#download-yaml', '.yaml');
    const cli = cliEvaluate(['--proposal', yaml, '--rules', rules]);
    assert.deepEqual(cli.subject.councils, CHOSEN, 'the downloaded YAML lists the councils chosen');
    sameAsCli(mapAnswer, cli);
    assert.ok(mapAnswer.tier, 'Leeds, Bradford and Wakefield reach a tier');

    const json = JSON.parse(fs.readFileSync(await downloaded(page, '#download-json', '.json'), 'utf8'));
    assert.deepEqual(json.powers, cli.powers, 'the downloaded JSON is the command line\'s');
    const html = fs.readFileSync(await downloaded(page, '#download-html', '.html'), 'utf8');
    assert.match(html, /<svg/, 'the downloaded report has its map');

    shareLink = await page.$eval('#share-link', (input) => input.value);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  await check('the keyboard alone does the same', async () => {
    const page = await openPage(browser, origin);
    // From the top of the page, Tab reaches the search box.
    let focused = '';
    for (let presses = 0; presses < 30 && focused !== 'council-search'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement.id);
    }
    assert.equal(focused, 'council-search', 'Tab reaches the council search');
    for (const [name, code] of [['Leeds', LEEDS], ['Bradford', BRADFORD], ['Wakefield', WAKEFIELD]]) {
      await page.keyboard.type(name);
      await chooseFirst(page, 'council-search', name);
      await page.waitForSelector(`#chosen li[data-code="${code}"]`);
      await page.focus('#council-search');
    }
    const shown = await answerFor(page, CHOSEN);
    assert.deepEqual(shown, mapAnswer);
    // And a council comes out with its Remove button.
    await page.focus(`#chosen li[data-code="${WAKEFIELD}"] button`);
    await page.keyboard.press('Enter');
    await answerFor(page, [LEEDS, BRADFORD]);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  await check('the shareable link shows a colleague the same answer', async () => {
    assert.ok(shareLink && shareLink.includes(`councils=${CHOSEN.join('%2C')}`), shareLink);
    const page = await openPage(browser, origin, shareLink.slice(origin.length));
    const shown = await answerFor(page, CHOSEN);
    assert.deepEqual(shown, mapAnswer);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  await check('a first election still to come leaves out what only a mayor in office gets', async () => {
    const page = await openPage(browser, origin, shareLink.slice(origin.length));
    await answerFor(page, CHOSEN);
    // Years after any date the page is run on: the mayor is not yet in office.
    await page.$eval('#mayor-elected', (input) => {
      input.value = '2099-05-07';
      input.dispatchEvent(new Event('change'));
    });
    const shown = await answerFor(page, CHOSEN);
    await page.screenshot({path: path.join(shots, '07-first-election-to-come.png'), fullPage: true});
    const yamlFile = await downloaded(page, '#download-yaml', '.yaml');
    assert.match(fs.readFileSync(yamlFile, 'utf8'), /^mayor_first_elected: 2099-05-07$/m);
    sameAsCli(shown, cliEvaluate(['--proposal', yamlFile, '--rules', rules]));
    assert.ok(shown.powers.some((power, i) => power.status !== mapAnswer.powers[i].status),
      'some power changes once the mayor is not yet in office');
    assert.ok((await page.$eval('#share-link', (input) => input.value)).includes('mayor_first_elected=2099-05-07'),
      'the link carries the date');
    // No mayor: nobody is elected, and the date is not asked for.
    await page.select('#mayor', 'none');
    assert.equal(await page.$eval('#mayor-elected-group', (group) => group.hidden), true);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  await check('an existing institution, and two rule sets side by side', async () => {
    const page = await openPage(browser, origin, '/?compare=luwp-2022&as_of=2026-12-01');
    await page.click('#start-search');
    await page.keyboard.type('West Yorkshire');
    await chooseFirst(page, 'start-search', 'West Yorkshire');
    const shown = await answerFor(page, ['E47000003']);
    const sides = await page.$$eval('#answer .devo-side-by-side .devo-answer', (answers) =>
      answers.map((answer) => answer.getAttribute('data-ruleset')));
    assert.deepEqual(sides, [rules, 'luwp-2022']);
    const cli = cliEvaluate(['--authority', 'E47000003', '--rules', rules, '--as-of', '2026-12-01']);
    sameAsCli(shown, cli);
    assert.ok(shown.powers.some((power) => power.held.startsWith('Held')) || cli.powers.every((power) => power.held !== true),
      'what the authority holds is shown');
    await page.screenshot({path: path.join(shots, '04-west-yorkshire-two-rule-sets.png'), fullPage: true});
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  await check('what would it take: groupings shown on the map one at a time', async () => {
    const page = await openPage(browser, origin, `/?councils=${LEEDS}`);
    await answerFor(page, [LEEDS]);
    await page.select('#target-tier', 'mayoral');
    await page.click('#suggest');
    await page.waitForSelector('.devo-suggestions li', {timeout: 30000});
    await page.click('[data-show="1"]');
    const marked = await page.$$eval('#map path.devo-suggested-district', (paths) => paths.length);
    assert.ok(marked >= 1, 'the first grouping is marked on the map');
    await page.click('#zoom-chosen');
    await page.screenshot({path: path.join(shots, '05-what-would-it-take.png')});
    await page.click('[data-show="1"]');
    assert.equal(await page.$$eval('#map path.devo-suggested-district', (paths) => paths.length), 0);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  await check('axe-core finds no serious or critical WCAG 2.2 AA violation', async () => {
    const page = await openPage(browser, origin, `/?councils=${CHOSEN.join(',')}`, {bypassCsp: true});
    await answerFor(page, CHOSEN);
    await page.addScriptTag({content: axeSource});
    const results = await page.evaluate(() => window.axe.run(document, {
      runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
    }));
    const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
    fs.writeFileSync(path.join(scratch, 'axe.json'), JSON.stringify(results.violations, null, 2));
    assert.deepEqual(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`), []);
    await page.close();
  });

  await check('a problem in the request is shown in words', async () => {
    const page = await openPage(browser, origin, '/?councils=E08000035,NOWHERE');
    await page.waitForSelector('#problems .govuk-error-summary');
    const text = await page.$eval('#problems', (box) => box.textContent);
    assert.match(text, /NOWHERE/);
    await page.screenshot({path: path.join(shots, '06-problem.png')});
    await page.close();
  });
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

console.log(failures ? `${failures} check(s) failed` : 'every check passed');
process.exit(failures ? 1 : 0);
