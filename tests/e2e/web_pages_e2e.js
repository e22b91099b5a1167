'use strict';
// End to end in headless Chromium, against a real `badgewatch serve`:
//   a fresh registry made with the CLI (a unit, a regional reviewer and a CONAC
//   staff member, each with a password); a loopback fixture site (python3
//   http.server) under a test domain that a local dnsmasq resolves to 127.0.0.1;
//   an SMS gateway (a small HTTP receiver here) that serve itself delivers the
//   outbox to ([sms] of its configuration): the handler's codes and the unit's
//   decision notices arrive without any `registry send-notifications` run.
// In the browser: the applicant logs in and submits an application with the
// SMS code; the regional reviewer and CONAC approve it; the applicant copies
// the badge code, installs it on the fixture's home page (not on /about.html),
// runs a self-check and sees the failing page with its URL; after a nightly
// scan CONAC reads the dashboard. Then a 党政机关's site-opening application
// is rejected after the initial pass (paper materials incomplete), edited,
// resubmitted, passed and issued its badge, with an SMS to the unit for each
// decision; and a 社会组织 of 广东 applies for
// the domain the 浙江 institute's site carries: both reviewers see the
// conflict and CONAC's issuance is refused. Screenshots go to OUT_DIR.
//
// Usage: node web_pages_e2e.js BADGEWATCH_BINARY OUT_DIR
const fs = require('fs');
const path = require('path');
const {
  decide, expectText, fail, freePort, launchBrowser, logIn, runCli, runE2e, serveDirectory, startDnsmasq,
  startSmsGateway, startChild, step, submitWithSmsCode, waitForSms,
} = require('./e2e_support');

const SITE_DOMAIN = 'www.e2e-institute.cn';
const SITE_NAME = '浙江省某研究院网站';
const MOBILE = '13800138000';
const AGENCY_SITE = '浙江省某县人民政府网';
const AGENCY_DOMAIN = 'www.e2e-county.gov.cn';
const SOCIETY_SITE = '广东省某学会网';
// One mobile a code: the gate allows each mobile one code a minute.
const MOBILES = { agency: '13900139001', agencyAgain: '13900139002', society: '13700137003' };
const PASSWORD = { unit: 'Unit-pass-2026!', regional: 'Review-pass-2026!', conac: 'Conac-pass-2026!' };
const MATERIALS_REASON = '材料不全：缺少经办人身份证复印件';

runE2e(async ({ binary, outDir, work }) => {
  const db = path.join(work, 'registry.db');
  const siteDir = path.join(work, 'site');
  fs.mkdirSync(siteDir);

  step('registry: a unit, a regional reviewer and CONAC staff, with passwords');
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'zj-institute', '--role', 'unit',
    '--kind', '事业单位', '--region', '33', '--category', '科技', '--name', '浙江省某研究院',
    '--address', '杭州市西湖区某路 1 号', '--handler', '张三', '--mobile', MOBILE, '--email', 'zs@example.cn']);
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'zj-review', '--role', 'regional',
    '--region', '33']);
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'conac-staff', '--role', 'conac']);
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'zj-county', '--role', 'unit',
    '--kind', '党政机关', '--region', '33', '--category', '政府', '--name', '浙江省某县人民政府办公室',
    '--address', '浙江省某县府前路 8 号', '--handler', '李四', '--mobile', MOBILES.agency,
    '--email', 'ls@example.gov.cn']);
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'gd-society', '--role', 'unit',
    '--kind', '社会组织', '--region', '44', '--category', '科技', '--name', '广东省某学会',
    '--address', '广州市天河区某路 2 号', '--handler', '王五', '--mobile', MOBILES.society,
    '--email', 'ww@example.org.cn']);
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'gd-review', '--role', 'regional',
    '--region', '44']);
  for (const [login, password] of [['zj-institute', PASSWORD.unit], ['zj-review', PASSWORD.regional],
    ['conac-staff', PASSWORD.conac], ['zj-county', PASSWORD.unit], ['gd-society', PASSWORD.unit],
    ['gd-review', PASSWORD.regional]]) {
    await runCli(binary, ['registry', 'set-password', '--db', db, '--login', login, '--password-stdin'], `${password}\n`);
  }

  step('fixture site, DNS, SMS gateway and the server');
  fs.writeFileSync(path.join(siteDir, 'index.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${SITE_NAME}</title></head><body>` +
    '<p>建设中</p></body></html>');
  const [sitePort, dnsPort, smsPort, serverPort] =
    [await freePort(), await freePort(), await freePort(), await freePort()];
  await serveDirectory(siteDir, sitePort);
  await startDnsmasq(dnsPort, [SITE_DOMAIN]);
  const sms = await startSmsGateway(smsPort);
  // Notices leave through the gateway as serve queues them: [sms] of its configuration.
  const config = path.join(work, 'badgewatch.toml');
  fs.writeFileSync(config, `[sms]\ngateway_url = "http://127.0.0.1:${smsPort}/"\n`);
  await startChild('badgewatch serve', binary, ['serve', '--config', config, '--db', db,
    '--listen', `127.0.0.1:${serverPort}`,
    '--self-check-allow-private', '--self-check-site-port', String(sitePort),
    '--dns', `127.0.0.1:${dnsPort}`], /listening on/);
  const base = `http://127.0.0.1:${serverPort}`;

  const browser = await launchBrowser();
  try {
    step('the applicant logs in and submits an application with the SMS code');
    const applicant = await logIn(browser, base, 'zj-institute', PASSWORD.unit);
    await expectText(applicant.page, 'h1', '本单位网站');
    await applicant.page.goto(`${base}/applications/new`);
    const form = applicant.page.locator('form#application-form');
    await form.locator('input[name=name]').fill(SITE_NAME);
    await form.locator('input[name=english_domain]').fill(SITE_DOMAIN);
    await form.locator('input[name=ips]').fill('127.0.0.1');
    await form.locator('textarea[name=introduction]').fill('发布本院科研动态和公共服务信息。');
    await form.locator('input[name=handler_mobile]').fill(MOBILE);
    const beforeCode = sms.messages.length;
    await Promise.all([applicant.page.waitForNavigation(),
      form.locator('button[formaction="/applications/sms-code"]').click()]);
    await expectText(applicant.page, 'main', `验证码已发送至 ${MOBILE}`);
    await applicant.page.screenshot({ path: path.join(outDir, 'e2e-application-form.png'), fullPage: true });
    const sent = await waitForSms(sms, MOBILE, /\d{6}/, beforeCode);
    const code = /\d{6}/.exec(sent.text);
    await applicant.page.fill('form#application-form input[name=sms_code]', code[0]);
    await Promise.all([applicant.page.waitForNavigation(),
      applicant.page.click('form#application-form button[type=submit]:not([formaction])')]);
    const applicationUrl = applicant.page.url();
    if (!/\/applications\/\d+$/.test(applicationUrl)) {
      fail(`the application was not submitted: ${await applicant.page.textContent('main')}`);
    }
    await expectText(applicant.page, 'main', '已提交，待初审');

    step('the regional reviewer approves it');
    const regional = await logIn(browser, base, 'zj-review', PASSWORD.regional);
    await regional.page.goto(`${base}/review`);
    await Promise.all([regional.page.waitForNavigation(),
      regional.page.click(`a[href="${new URL(applicationUrl).pathname}"]`)]);
    await regional.page.screenshot({ path: path.join(outDir, 'e2e-review.png'), fullPage: true });
    await Promise.all([regional.page.waitForNavigation(),
      regional.page.click('button[data-action="regional-pass"]')]);
    await expectText(regional.page, 'main', '初审通过，待CONAC复审');

    step('CONAC approves it: the badge is issued');
    const conac = await logIn(browser, base, 'conac-staff', PASSWORD.conac);
    await conac.page.goto(`${base}/review`);
    await Promise.all([conac.page.waitForNavigation(),
      conac.page.click(`a[href="${new URL(applicationUrl).pathname}"]`)]);
    await Promise.all([conac.page.waitForNavigation(), conac.page.click('button[data-action="conac-pass"]')]);
    await expectText(conac.page, 'main', '已发放网站标识');

    step('the applicant sees the badge code, copies it and installs it on the home page only');
    await applicant.page.goto(`${base}/`);
    await expectText(applicant.page, 'main', SITE_NAME);
    const snippet = (await applicant.page.textContent('pre.snippet')).trim();
    if (!snippet.includes('dcs.conac.cn/js/33/')) fail(`no badge code on the home page: ${snippet}`);
    await applicant.page.click('button[data-copy]');
    await applicant.page.waitForSelector('button[data-copy]:has-text("已复制")', { timeout: 5000 });
    await applicant.page.screenshot({ path: path.join(outDir, 'e2e-home.png'), fullPage: true });
    const copied = await applicant.page.evaluate(() => navigator.clipboard.readText());
    if (copied.trim() !== snippet) fail(`the copy button copied: ${copied}`);
    fs.writeFileSync(path.join(siteDir, 'index.html'),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${SITE_NAME}</title></head><body>` +
      `<p>首页</p><a href="/about.html">本院简介</a>\n${snippet}\n</body></html>`);
    fs.writeFileSync(path.join(siteDir, 'about.html'),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>本院简介 - ${SITE_NAME}</title></head>` +
      '<body><p>本院简介（忘了粘贴标识代码）</p></body></html>');

    const forbidden = await applicant.page.goto(`${base}/dashboard`);
    if (forbidden.status() !== 403) fail(`an applicant opened the dashboard: ${forbidden.status()}`);

    step('the applicant runs a self-check and reads the failing page');
    await applicant.page.goto(`${base}/self-checks`);
    await Promise.all([applicant.page.waitForNavigation(),
      applicant.page.click('main form button[type=submit]')]);
    await applicant.page.waitForSelector('#failing-pages, .message.ok, .message.error', { timeout: 90000 });
    const aboutUrl = `http://${SITE_DOMAIN}:${sitePort}/about.html`;
    await expectText(applicant.page, '#failing-pages', '第 2 页缺少网站标识');
    await expectText(applicant.page, '#failing-pages', aboutUrl);
    await applicant.page.screenshot({ path: path.join(outDir, 'e2e-self-check.png'), fullPage: true });
    await applicant.page.click('a.lang');
    await expectText(applicant.page, '#failing-pages', 'Page 2 has no website badge');

    step('a nightly scan, then the CONAC dashboard');
    await runCli(binary, ['scan', '--db', db, '--allow-private', '--site-port', String(sitePort),
      '--dns', `127.0.0.1:${dnsPort}`]);
    await conac.page.goto(`${base}/dashboard`);
    await expectText(conac.page, 'main', '各区域合规率');
    await expectText(conac.page, 'main', SITE_NAME);
    await expectText(conac.page, 'main', aboutUrl);
    await conac.page.screenshot({ path: path.join(outDir, 'e2e-dashboard.png'), fullPage: true });
    await expectText(conac.page, '#codes', '缺少网站标识');
    await regional.page.goto(`${base}/dashboard`);
    await expectText(regional.page, 'main', SITE_NAME);

    step('the applicant opens its site\'s record from the home page and reads every failing page');
    await applicant.page.goto(`${base}/?lang=zh`);
    await Promise.all([applicant.page.waitForNavigation(),
      applicant.page.click('main a[href^="/sites/"]')]);
    await expectText(applicant.page, 'h1', `网站合规记录：${SITE_NAME}`);
    await expectText(applicant.page, '#failing-pages', aboutUrl);
    await expectText(applicant.page, '#failing-pages', '缺少网站标识');
    await applicant.page.screenshot({ path: path.join(outDir, 'e2e-site-record.png'), fullPage: true });

    step('a 党政机关 applies for the opening review; the menus are the procedure\'s');
    const agency = await logIn(browser, base, 'zj-county', PASSWORD.unit);
    await expectText(agency.page, 'header nav', '网站开办审核/资质复核申请');
    await expectText(agency.page, 'header nav', '网上名称管理');
    await expectText(agency.page, 'header nav', '标识管理');
    await agency.page.click('header nav a[href="/applications"]');
    await expectText(agency.page, 'h1', '网站开办审核/资质复核申请');
    await Promise.all([agency.page.waitForNavigation(), agency.page.click('main a[href="/applications/new"]')]);
    const agencyForm = agency.page.locator('form#application-form');
    await agencyForm.locator('select[name=opening_type]').selectOption('new');
    await agencyForm.locator('input[name=name]').fill(AGENCY_SITE);
    await agencyForm.locator('input[name=english_domain]').fill(AGENCY_DOMAIN);
    await agencyForm.locator('input[name=ips]').fill('127.0.0.1');
    await agencyForm.locator('textarea[name=introduction]').fill('发布本县政务信息，提供在线办事服务。');
    const agencyUrl = await submitWithSmsCode(agency.page, sms, MOBILES.agency);
    await expectText(agency.page, 'main', '已提交，待初审');

    step('the regional office passes the initial review, then finds the paper materials incomplete');
    let before = sms.messages.length;
    await decide(regional, agencyUrl, 'regional-pass');
    await waitForSms(sms, MOBILES.agency, /已通过初审/, before);
    await expectText(regional.page, 'main', '初审通过，请报送书面申请材料');
    await expectText(regional.page, '#unit-details', '浙江省某县府前路 8 号');
    await expectText(regional.page, '#unit-details', '李四');
    await expectText(regional.page, '#unit-details', MOBILES.agency);
    await expectText(regional.page, '#unit-details', '政府');
    before = sms.messages.length;
    await decide(regional, agencyUrl, 'materials-reject', MATERIALS_REASON);
    await expectText(regional.page, 'main', '审核未通过，请修改后重新提交');
    const rejection = await waitForSms(sms, MOBILES.agency, /未通过审核/, before);
    if (!rejection.text.includes(MATERIALS_REASON)) fail(`the rejection SMS has no reason: ${rejection.text}`);

    step('the unit reads the reason, edits and resubmits; it passes and the badge is issued');
    await agency.page.goto(agencyUrl);
    await expectText(agency.page, 'main', '书面申请材料审核未通过');
    await expectText(agency.page, 'main', `审核未通过，原因：${MATERIALS_REASON}`);
    await agency.page.screenshot({ path: path.join(outDir, 'e2e-materials-rejected.png'), fullPage: true });
    await agency.page.locator('form#application-form textarea[name=introduction]')
      .fill('发布本县政务信息，提供在线办事服务（已补齐书面材料）。');
    await submitWithSmsCode(agency.page, sms, MOBILES.agencyAgain);
    await expectText(agency.page, 'main', '已提交，待初审');
    before = sms.messages.length;
    await decide(regional, agencyUrl, 'regional-pass');
    await waitForSms(sms, MOBILES.agency, /已通过初审/, before);
    await decide(regional, agencyUrl, 'materials-received');
    await expectText(regional.page, 'main', '书面申请材料已收到，待下发网站标识');
    before = sms.messages.length;
    await decide(conac, agencyUrl, 'issue-badge');
    await expectText(conac.page, 'main', '已发放网站标识');
    await waitForSms(sms, MOBILES.agency, /网站标识已下发/, before);
    await agency.page.goto(agencyUrl);
    await expectText(agency.page, 'main', '已发放网站标识');
    await expectText(agency.page, 'main', '修改后重新提交');
    await agency.page.screenshot({ path: path.join(outDir, 'e2e-materials-resubmitted-issued.png'), fullPage: true });

    step('a 社会组织 of 广东 applies for the domain the 浙江 institute\'s site carries');
    const society = await logIn(browser, base, 'gd-society', PASSWORD.unit);
    await expectText(society.page, 'header nav', '标识申请');
    await society.page.goto(`${base}/applications/new`);
    if (await society.page.locator('select[name=opening_type]').count() !== 0) {
      fail('the 社会组织 form shows 申请类型');
    }
    if (await society.page.locator('select[name=chinese_domain]').count() !== 1) {
      fail('the 社会组织 form does not offer its Chinese domains as a choice');
    }
    const societyForm = society.page.locator('form#application-form');
    await societyForm.locator('input[name=name]').fill(SOCIETY_SITE);
    await societyForm.locator('input[name=english_domain]').fill(SITE_DOMAIN);
    await societyForm.locator('input[name=ips]').fill('127.0.0.1');
    await societyForm.locator('textarea[name=introduction]').fill('发布本会学术活动信息。');
    await society.page.screenshot({ path: path.join(outDir, 'e2e-society-form.png'), fullPage: true });
    const societyUrl = await submitWithSmsCode(society.page, sms, MOBILES.society);

    step('the 广东 reviewer sees the conflict and the unit; CONAC cannot issue the badge');
    const guangdong = await logIn(browser, base, 'gd-review', PASSWORD.regional);
    await guangdong.page.goto(`${base}/review`);
    await expectText(guangdong.page, 'main table', '域名冲突');
    await guangdong.page.screenshot({ path: path.join(outDir, 'e2e-review-queue-conflict.png'), fullPage: true });
    await Promise.all([guangdong.page.waitForNavigation(),
      guangdong.page.click(`a[href="${new URL(societyUrl).pathname}"]`)]);
    await expectText(guangdong.page, '#domain-conflicts', `域名 ${SITE_DOMAIN} 已由其他单位“浙江省某研究院”`);
    await expectText(guangdong.page, '#unit-details', '广州市天河区某路 2 号');
    await expectText(guangdong.page, '#unit-details', '社会组织');
    await guangdong.page.screenshot({ path: path.join(outDir, 'e2e-domain-conflict.png'), fullPage: true });
    await decide(guangdong, societyUrl, 'regional-pass');
    await decide(conac, societyUrl, 'conac-pass');
    await expectText(conac.page, 'main', '不能为本申请发放网站标识');
    await expectText(conac.page, '#domain-conflicts', SITE_DOMAIN);
    await expectText(conac.page, 'main', '初审通过，待CONAC复审');
    await conac.page.screenshot({ path: path.join(outDir, 'e2e-domain-conflict-refused.png'), fullPage: true });

    step('log out: the pages ask for the login again');
    await Promise.all([applicant.page.waitForNavigation(),
      applicant.page.click('header form[action="/logout"] button')]);
    await applicant.page.goto(`${base}/applications`);
    if (!applicant.page.url().includes('/login?next=')) fail(`after logout: ${applicant.page.url()}`);
  } finally {
    await browser.close();
    sms.server.close();
  }
});
