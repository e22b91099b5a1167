// The differential test of badgewatch's WHATWG URL parser: the hrefs of the
// demo pages, the fuzz corpus, a generated farm and generated quirky hrefs,
// each resolved by our parser (the whatwg_url_resolve tool) and by Node.js's
// WHATWG URL class, the reference. Prints the agreement on http(s) results
// (pairs where either side gives an http(s) URL) and fails below 99 %.
//
// Usage: node whatwg_url_differential.js RESOLVE_TOOL REPO_ROOT [FARM_GENERATOR]
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [tool, root, farmGenerator] = process.argv.slice(2);
if (!tool || !root) {
  console.error('usage: whatwg_url_differential.js RESOLVE_TOOL REPO_ROOT [FARM_GENERATOR]');
  process.exit(2);
}

const kRequiredAgreement = 0.99;
const kMinimumPairs = 2000;

// Attribute values that hold URLs, entity references decoded.
function extractHrefs(html) {
  const hrefs = [];
  const re = /\b(?:href|src|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
  let m;
  while ((m = re.exec(html)) !== null) {
    hrefs.push(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  }
  return hrefs;
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);?/gi, (all, name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16) || 0xfffd);
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10) || 0xfffd);
    return {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'}[lower];
  });
}

// A page's text: UTF-8 if it is valid UTF-8, else GBK (the demo's legacy pages).
function readPage(file) {
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch (e) {
    return new TextDecoder('gbk').decode(bytes);
  }
}

const pairs = [];  // [base, href, source]
const counts = {};
function add(base, href, source) {
  // The line protocol cannot carry newlines; both parsers drop them anyway.
  pairs.push([base, href.replace(/[\r\n]/g, ''), source]);
  counts[source] = (counts[source] || 0) + 1;
}

// The demo pages, each against its URL in pages.tsv.
const demoDir = path.join(root, 'data/demo/pages');
const demoUrls = {};
for (const line of fs.readFileSync(path.join(root, 'data/demo/pages.tsv'), 'utf8').split('\n')) {
  const cols = line.split('\t');
  if (cols.length > 2 && !line.startsWith('#')) demoUrls[cols[0]] = cols[2];
}
for (const name of fs.readdirSync(demoDir)) {
  const base = demoUrls[name] || 'https://edu.hangzhou.gov.cn/';
  for (const href of extractHrefs(readPage(path.join(demoDir, name)))) add(base, href, 'demo');
}

// The fuzz corpus.
const corpusDir = path.join(root, 'tests/fuzz/corpus');
for (const name of fs.readdirSync(corpusDir)) {
  for (const href of extractHrefs(readPage(path.join(corpusDir, name)))) {
    add('https://www.example.gov.cn/zwgk/2026/list.html', href, 'fuzz');
  }
}

// The shared farm, when its generator is there.
let farmDir = null;
if (farmGenerator && fs.existsSync(farmGenerator)) {
  farmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatwg-url-farm-'));
  const gen = childProcess.spawnSync(
      'python3', [farmGenerator, '--sites', '4', '--pages', '40', '--out', farmDir],
      {stdio: ['ignore', 'ignore', 'inherit']});
  if (gen.status !== 0) {
    console.error('farm generator failed');
    process.exit(1);
  }
  for (const site of fs.readdirSync(farmDir)) {
    const siteDir = path.join(farmDir, site);
    if (!fs.statSync(siteDir).isDirectory()) continue;
    const walk = (dir) => {
      for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name);
        if (fs.statSync(file).isDirectory()) {
          walk(file);
        } else if (name.endsWith('.html')) {
          const base = `http://${site}.example.gov.cn/${path.relative(siteDir, file)}`;
          for (const href of extractHrefs(readPage(file))) add(base, href, 'farm');
        }
      }
    };
    walk(siteDir);
  }
} else {
  console.log(`farm: generator ${farmGenerator || '(none)'} not found, skipped`);
}

// Generated hrefs: schemes and slashes, hosts (IPv4 forms, IPv6, IDN,
// forbidden code points), paths (backslashes, spaces, CJK, '%', dot
// segments), queries and fragments.
const prefixes = ['http://', 'https://', 'https:/', 'https:', 'HTTP:\\\\', 'http:\\/', '//', '\\\\',
                  ' http://', 'http:///'];
const hosts = ['www.example.gov.cn', 'WWW.Example.GOV.CN', '127.0.0.1', '0x7f.1', '0177.0.0.1',
               '2130706433', '127.1', '1.2.3.4.5', '256.1.1.1', '1.2.3.256', '09.1.1.1', '0x',
               '[::1]', '[2001:DB8::0:1]', '[::ffff:1.2.3.4]', '[1::2::3]', '例子.政务',
               '教育局.政务', '例子。政务', 'xn--fsqu00a.xn--zfr164b', 'exa%41mple.com',
               'a b.com', 'a%20b.com', 'a<b.com', 'user:pw@www.gov.cn', 'www.gov.cn:8080',
               'www.gov.cn:80', 'www.gov.cn:443', 'www.gov.cn:99999', 'www.gov.cn:', 'a_b.gov.cn',
               'example.123', 'www.gov.cn.'];
const paths = ['', '/', '/a b.html', '/政务/公开.html', '\\xxgk\\a.html', '/%zz', '/%e6%94%bf',
               '/./a/../b', '/a/%2e%2E/b', '/a/..\\b', '/a?b', '/{x}`^|'];
const tails = ['', '?q=政务 公开', "?a='\"<>`", '#第 2 页', '#a b', '?x#y z'];
for (const prefix of prefixes) {
  for (const host of hosts) {
    for (const p of paths) {
      for (const tail of ['', tails[(prefix.length + host.length + p.length) % tails.length]]) {
        add('http://www.example.gov.cn/zwgk/list.html', prefix + host + p + tail, 'generated');
      }
    }
  }
}
const relatives = ['a.html', './a.html', '../a.html', '../../../x', '\\a\\b.html', '..\\a.html',
                   '?page=2', '#top', '', ' \t/a\n/b ', '/a b/c', '新闻/列表.html', 'a%2fb',
                   '%2e%2e/x', 'http:a.html', 'https:a.html', 'javascript:void(0)',
                   'mailto:a@b.cn', 'list.html#第 2 页', 'search.jsp?keyword=政务',
                   'search.jsp?q=a b&r=c+d', '/%E6%94%BF', '//www.gov.cn', '///www.gov.cn/a',
                   'a\u3000b.html', 'a\u00a0b'];
for (const base of ['http://www.example.gov.cn/zwgk/list.html',
                    'https://www.example.gov.cn/a/b/c.html?x=1#f', 'http://127.0.0.1:8080/']) {
  for (const href of relatives) add(base, href, 'generated');
}

// Our parser.
const input = pairs.map(([base, href]) => `${base}\t${href}`).join('\n') + '\n';
const ours = childProcess.spawnSync(tool, [], {input, maxBuffer: 1 << 28});
if (ours.status !== 0) {
  console.error(`${tool} failed: ${ours.stderr}`);
  process.exit(1);
}
const ourResults = ours.stdout.toString('utf8').split('\n');

// The reference.
function reference(base, href) {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : 'FAIL';
  } catch (e) {
    return 'FAIL';
  }
}

let compared = 0;
let agreed = 0;
const disagreements = [];
pairs.forEach(([base, href, source], i) => {
  const theirs = reference(base, href);
  const mine = ourResults[i];
  if (theirs === 'FAIL' && mine === 'FAIL') return;
  ++compared;
  if (theirs === mine) {
    ++agreed;
  } else {
    disagreements.push(`${source}: ${JSON.stringify(href)} against ${base}\n` +
                       `    node: ${theirs}\n    ours: ${mine}`);
  }
});

if (farmDir) fs.rmSync(farmDir, {recursive: true, force: true});
const sources = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
const share = compared === 0 ? 0 : agreed / compared;
console.log(`hrefs: ${pairs.length} (${sources})`);
console.log(`http(s) results compared with Node.js ${process.version} URL: ${compared}, ` +
            `agreeing ${agreed} (${(share * 100).toFixed(2)} %)`);
for (const d of disagreements.slice(0, 30)) console.log(d);
if (pairs.length < kMinimumPairs) {
  console.error(`only ${pairs.length} hrefs, fewer than ${kMinimumPairs}`);
  process.exit(1);
}
process.exit(share >= kRequiredAgreement ? 0 : 1);
