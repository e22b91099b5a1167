'use strict';
// What every end-to-end script in this directory shares: the children it
// starts (stopped when the script ends, however it ends), the CLI run without
// blocking this process's own servers, a dnsmasq on loopback, the test SMS
// gateway, and the browser steps every story takes (log in, expect a text,
// submit a form with its SMS code, decide as a reviewer).
//
// A script is `runE2e(async ({ binary, outDir, work }) => { ... })`: it gets
// the badgewatch binary, the directory for screenshots and a fresh temporary
// directory; `tests/e2e/run SCRIPT BINARY OUT_DIR` runs it (see CMakeLists.txt).
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.BADGEWATCH_CHROMIUM || '/usr/bin/chromium';
const children = [];

function fail(message) {
  throw new Error(message);
}

function step(message) {
  console.log(`e2e: ${message}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Runs the CLI to the end without blocking this process's own servers (the
// SMS gateway answers while it runs); fails with its output unless it exits 0.
function runCli(binary, args, input = '') {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`badgewatch ${args.join(' ')} exited ${code}: ${output}`));
    });
    if (input) {
      child.stdin.on('error', (error) => { output += `(stdin: ${error.message})`; });
      child.stdin.end(input);
    }
  });
}

// Starts a child and resolves once `ready` matches its output.
function startChild(name, command, args, ready, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${timeoutMs} ms: ${output}`)),
      timeoutMs);
    const onData = (chunk) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready: ${output}`));
    });
    child.on('error', (error) => reject(new Error(`${name}: ${error.message}`)));
  });
}

// Resolves once something accepts TCP connections on 127.0.0.1:port.
async function waitForPort(port, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  fail(`nothing listens on 127.0.0.1:${port}`);
}

// The SMS gateway: remembers every {"mobile", "text"} it is sent.
function startSmsGateway(port) {
  const messages = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      try {
        messages.push(JSON.parse(body));
      } catch (error) {
        messages.push({ text: body });
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, messages })));
}

// The first message the gateway got for `mobile` after its first `after`
// messages whose text matches `pattern`: serve delivers the outbox itself, so
// it arrives within seconds (no send-notifications run); fails after 15 s.
async function waitForSms(sms, mobile, pattern, after) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const found = sms.messages.slice(after).find((m) => m.mobile === mobile && pattern.test(m.text));
    if (found) return found;
    if (Date.now() > deadline) {
      fail(`no SMS to ${mobile} matching ${pattern} reached the gateway: ${JSON.stringify(sms.messages.slice(after))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function logIn(browser, base, login, password) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('form#login-form button[type=submit]')]);
  if (page.url().includes('/login')) fail(`${login} could not log in: ${await page.textContent('main')}`);
  return { context, page };
}

async function expectText(page, selector, text) {
  const content = await page.textContent(selector);
  if (!content || !content.includes(text)) {
    fail(`expected "${text}" in ${selector} of ${page.url()}, found: ${content}`);
  }
}

// On the page's form#application-form (filled already): asks for the SMS
// code for `mobile`, waits for serve to deliver it to the gateway, enters it
// and submits; returns the application's URL.
async function submitWithSmsCode(page, sms, mobile) {
  const form = page.locator('form#application-form');
  await form.locator('input[name=handler_mobile]').fill(mobile);
  const before = sms.messages.length;
  await Promise.all([page.waitForNavigation(),
    form.locator('button[formaction="/applications/sms-code"]').click()]);
  await expectText(page, 'main', `验证码已发送至 ${mobile}`);
  const sent = await waitForSms(sms, mobile, /\d{6}/, before);
  const code = /\d{6}/.exec(sent.text);
  await page.fill('form#application-form input[name=sms_code]', code[0]);
  await Promise.all([page.waitForNavigation(),
    page.click('form#application-form button[type=submit]:not([formaction])')]);
  if (!/\/applications\/\d+$/.test(page.url())) {
    fail(`the application was not submitted: ${await page.textContent('main')}`);
  }
  return page.url();
}

// The reviewer opens `applicationUrl` and takes `action` (with `reason`).
async function decide(reviewer, applicationUrl, action, reason = '') {
  await reviewer.page.goto(applicationUrl);
  const form = reviewer.page.locator(`form.decision:has(button[data-action="${action}"])`);
  if (reason) await form.locator('input[name=reason]').fill(reason);
  await Promise.all([reviewer.page.waitForNavigation(),
    form.locator(`button[data-action="${action}"]`).click()]);
}

// A dnsmasq on 127.0.0.1:port that answers 127.0.0.1 for each of `domains`.
async function startDnsmasq(port, domains) {
  const dnsmasq = ['/usr/sbin/dnsmasq', '/usr/bin/dnsmasq'].find((p) => fs.existsSync(p));
  if (!dnsmasq) fail('dnsmasq is missing (scripts/install-deps installs dnsmasq-base)');
  await startChild('dnsmasq', dnsmasq, ['--keep-in-foreground', '--log-facility=-', '--conf-file=/dev/null',
    '--no-resolv', '--no-hosts', '--no-poll', '--pid-file=', '--user=root', '--bind-interfaces',
    '--listen-address=127.0.0.1', `--port=${port}`, ...domains.map((d) => `--address=/${d}/127.0.0.1`)],
  /started|compile time options/);
}

// Serves `directory` on 127.0.0.1:port (python3's http.server).
async function serveDirectory(directory, port) {
  children.push(spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1',
    '--directory', directory], { stdio: 'ignore' }));
  await waitForPort(port);
}

// Headless Chromium, as Debian ships it.
function launchBrowser() {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: install Debian's chromium (scripts/install-deps)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

function stopChildren() {
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
}

// Runs `story` with the command line's BADGEWATCH_BINARY and OUT_DIR and a
// fresh work directory; exits 0 when it resolves, 1 (saying why) otherwise.
function runE2e(story) {
  const script = path.basename(process.argv[1]);
  process.on('uncaughtException', (error) => {
    console.error(`e2e: FAILED: ${error.stack || error.message}`);
    stopChildren();
    process.exit(1);
  });
  const [binary, outDir] = process.argv.slice(2);
  const run = async () => {
    if (!binary || !outDir) fail(`usage: node ${script} BADGEWATCH_BINARY OUT_DIR`);
    fs.mkdirSync(outDir, { recursive: true });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'badgewatch-e2e-'));
    await story({ binary, outDir, work });
    step(`passed; screenshots in ${outDir}`);
  };
  run().then(() => {
    stopChildren();
    process.exit(0);
  }, (error) => {
    console.error(`e2e: FAILED: ${error.stack || error.message}`);
    stopChildren();
    process.exit(1);
  });
}

module.exports = {
  decide, expectText, fail, freePort, launchBrowser, logIn, runCli, runE2e, serveDirectory, startChild,
  startDnsmasq, startSmsGateway, step, submitWithSmsCode, waitForPort, waitForSms,
};
