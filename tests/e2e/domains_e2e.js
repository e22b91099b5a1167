'use strict';
// 附件二 and 附件三 end to end in headless Chromium, against a real `badgewatch
// serve` on a fresh registry whose fee and bank account come from its
// badgewatch.toml, and whose outbox serve delivers to a test SMS gateway. As
// the three roles: a 党政机关 checks that 某某局.政务 is free and applies for
// it; the regional office finds it in its review queue and passes it, CONAC
// passes it and the unit sees CONAC审核通过; the unit sees 300 元 due and
// CONAC's bank account under 域名缴费管理; the regional admin records the
// payment (the unit is told where the invoice goes), CONAC confirms the
// funds and the domain is registered with its dates; the unit renews it for
// 3 years, a second renewal of it is refused, the renewal is paid and the
// unit sees the new expiry. A second name is rejected with a reason, edited
// and resubmitted. Screenshots go to OUT_DIR.
//
// Usage: node domains_e2e.js BADGEWATCH_BINARY OUT_DIR
const fs = require('fs');
const path = require('path');
const {
  decide, expectText, fail, freePort, launchBrowser, logIn, runCli, runE2e, startChild, startSmsGateway,
  step, waitForSms,
} = require('./e2e_support');

const MOBILE = '13600136001';
const PASSWORD = { unit: 'Unit-pass-2026!', regional: 'Review-pass-2026!', conac: 'Conac-pass-2026!' };
const DOMAIN = '某某局.政务';
const SECOND = '某某局办公室.政务';
const EDITED = '某某局服务中心.政务';
const REJECT_REASON = '名称与单位名称不符';
const BANK = {
  name: '中央机构编制委员会办公室政务和公益机构域名注册管理中心',
  bank: '中国工商银行北京某某支行',
  number: '0200 1234 5678 9012 345',
};

// The domain's id from a link to /domains/{id} whose text is `name`.
async function domainId(page, name) {
  const href = await page.locator(`a[href^="/domains/"]:text-is("${name}")`).first().getAttribute('href');
  const id = /\/domains\/(\d+)/.exec(href || '');
  if (!id) fail(`no link to the domain ${name} on ${page.url()}`);
  return id[1];
}

async function submitForm(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

runE2e(async ({ binary, outDir, work }) => {
  const db = path.join(work, 'registry.db');
  step('a fresh registry: a 党政机关, its regional office and CONAC staff, with passwords');
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'zj-bureau', '--role', 'unit',
    '--kind', '党政机关', '--region', '33', '--category', '政府', '--name', '浙江省某某局',
    '--address', '浙江省杭州市某某路 9 号', '--handler', '赵六', '--mobile', MOBILE,
    '--email', 'zl@example.gov.cn']);
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'zj-review', '--role', 'regional',
    '--region', '33']);
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'conac-staff', '--role', 'conac']);
  for (const [login, password] of [['zj-bureau', PASSWORD.unit], ['zj-review', PASSWORD.regional],
    ['conac-staff', PASSWORD.conac]]) {
    await runCli(binary, ['registry', 'set-password', '--db', db, '--login', login, '--password-stdin'],
      `${password}\n`);
  }
  const [smsPort, serverPort] = [await freePort(), await freePort()];
  const sms = await startSmsGateway(smsPort);
  const config = path.join(work, 'badgewatch.toml');
  fs.writeFileSync(config, `[sms]\ngateway_url = "http://127.0.0.1:${smsPort}/"\n\n[domains]\n` +
    `fee_per_year = 300\naccount_name = "${BANK.name}"\nbank = "${BANK.bank}"\n` +
    `account_number = "${BANK.number}"\n`);
  await startChild('badgewatch serve', binary, ['serve', '--config', config, '--db', db,
    '--listen', `127.0.0.1:${serverPort}`], /listening on/);
  const base = `http://127.0.0.1:${serverPort}`;
  const shot = (page, name) => page.screenshot({ path: path.join(outDir, `domains-${name}.png`), fullPage: true });

  const browser = await launchBrowser();
  try {
    const unit = await logIn(browser, base, 'zj-bureau', PASSWORD.unit);
    const regional = await logIn(browser, base, 'zj-review', PASSWORD.regional);
    const conac = await logIn(browser, base, 'conac-staff', PASSWORD.conac);

    step('网上名称管理 → 域名申请: the unit checks the name, then applies');
    await unit.page.goto(base);
    await submitForm(unit.page, 'nav a[href="/domains/new"]');
    await expectText(unit.page, 'main', '.政务');
    await unit.page.fill('form#availability input[name=name]', DOMAIN);
    await submitForm(unit.page, 'form#availability button[type=submit]');
    await expectText(unit.page, '.message', `“${DOMAIN}”可以申请`);
    await unit.page.fill('form#availability input[name=name]', '某某局.公益');
    await submitForm(unit.page, 'form#availability button[type=submit]');
    const wrongSuffix = await unit.page.textContent('.message.error');
    if (!wrongSuffix || !wrongSuffix.includes('.政务')) fail(`a .公益 name was not refused: ${wrongSuffix}`);
    await shot(unit.page, 'apply-check');
    for (const name of [DOMAIN, SECOND]) {
      await unit.page.goto(`${base}/domains/new`);
      if (await unit.page.locator('form#domain-application').count() !== 0) fail('an application form before a check');
      await unit.page.fill('form#availability input[name=name]', name);
      await submitForm(unit.page, 'form#availability button[type=submit]');
      await expectText(unit.page, '.message.ok', `“${name}”可以申请`);
      await submitForm(unit.page, 'form#domain-application button[type=submit]');
      await expectText(unit.page, '.message.ok', `域名申请“${name}”已提交`);
    }
    await unit.page.goto(`${base}/domains/new?name=${encodeURIComponent(DOMAIN)}`);
    await expectText(unit.page, '.message.error', '已被注册或正在申请中');
    await unit.page.goto(`${base}/domains`);
    const domain = await domainId(unit.page, DOMAIN);
    const second = await domainId(unit.page, SECOND);
    await shot(unit.page, 'applications');

    step('the regional office finds both in its review queue, passes one and rejects the other');
    await regional.page.goto(`${base}/review?kind=domain`);
    await expectText(regional.page, 'main', DOMAIN);
    await expectText(regional.page, 'main', SECOND);
    await shot(regional.page, 'regional-queue');
    await decide(regional, `${base}/domains/${domain}`, 'regional-pass');
    await expectText(regional.page, 'main', '初审通过');
    await decide(regional, `${base}/domains/${second}`, 'regional-reject', REJECT_REASON);
    await waitForSms(sms, MOBILE, new RegExp(`${SECOND}.*${REJECT_REASON}`), 0);

    step('CONAC passes it; the unit sees CONAC审核通过');
    await conac.page.goto(`${base}/review?kind=domain`);
    await expectText(conac.page, 'main', DOMAIN);
    await decide(conac, `${base}/domains/${domain}`, 'conac-pass');
    await unit.page.goto(`${base}/domains/${domain}`);
    await expectText(unit.page, 'main', 'CONAC审核通过');
    await shot(unit.page, 'conac-passed');

    step('the rejected name: the unit reads the reason, edits it and resubmits');
    await unit.page.goto(`${base}/domains`);
    await expectText(unit.page, '#domain-applications', REJECT_REASON);
    await unit.page.goto(`${base}/domains/${second}`);
    await expectText(unit.page, '.reason', REJECT_REASON);
    await unit.page.fill('#resubmit input[name=name]', EDITED);
    await submitForm(unit.page, '#resubmit button[type=submit]');
    await expectText(unit.page, '.message.ok', '重新提交');
    await expectText(unit.page, 'main', EDITED);
    await expectText(unit.page, '#revisions', SECOND);
    await shot(unit.page, 'resubmitted');

    step('域名缴费管理: 300 元 due and CONAC\'s bank account');
    await unit.page.goto(`${base}/payments`);
    await expectText(unit.page, '#due', '300 元');
    await expectText(unit.page, '#bank-account', BANK.name);
    await expectText(unit.page, '#bank-account', BANK.number);
    await shot(unit.page, 'fees-due');

    step('the regional admin records the payment; the unit is told where the invoice goes');
    let before = sms.messages.length;
    await regional.page.goto(`${base}/payments`);
    await regional.page.selectOption('#record-payment select[name=unit_id]', { label: '浙江省某某局（应缴 300 元）' });
    await regional.page.fill('#record-payment input[name=amount]', '300');
    await regional.page.fill('#record-payment input[name=bank_reference]', 'E2E-0001');
    await shot(regional.page, 'record-payment');
    await submitForm(regional.page, '#record-payment button[type=submit]');
    await expectText(regional.page, '.message.ok', '已登记收款');
    await waitForSms(sms, MOBILE, /300.*某某路 9 号/, before);

    step('CONAC confirms the funds; the domain is registered with its dates');
    before = sms.messages.length;
    await conac.page.goto(`${base}/payments`);
    await shot(conac.page, 'confirm-funds');
    await submitForm(conac.page, `tr:has-text("E2E-0001") button[type=submit]`);
    await expectText(conac.page, '.message.ok', '已认款');
    await waitForSms(sms, MOBILE, new RegExp(`${DOMAIN}.*已注册成功.*有效期至`), before);
    await unit.page.goto(`${base}/domains`);
    const row = unit.page.locator(`#my-domains tr[data-domain="${domain}"]`);
    const firstExpiry = (await row.locator('td').nth(4).textContent()).trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(firstExpiry)) fail(`no expiry date for ${DOMAIN}: ${firstExpiry}`);
    await shot(unit.page, 'registered');

    step('the unit renews it for 3 years; a second renewal of it is refused');
    await row.locator('input[name=domain_id]').check();
    await unit.page.selectOption('form#renewal select[name=years]', '3');
    await submitForm(unit.page, 'form#renewal button[type=submit]');
    await expectText(unit.page, '.message.ok', '900 元');
    await unit.page.locator(`#my-domains tr[data-domain="${domain}"] input[name=domain_id]`).check();
    await submitForm(unit.page, 'form#renewal button[type=submit]');
    await expectText(unit.page, '.message.error', DOMAIN);
    await shot(unit.page, 'second-renewal-refused');

    step('CONAC sees the unpaid renewal in its queue');
    await conac.page.goto(`${base}/review?kind=renewal`);
    await expectText(conac.page, '#review-queue', `续费 3 年：${DOMAIN}`);
    await expectText(conac.page, '#review-queue', '900 元');
    await shot(conac.page, 'conac-queue-renewal');

    step('the renewal is paid; the unit sees the new expiry');
    await regional.page.goto(`${base}/payments`);
    await regional.page.selectOption('#record-payment select[name=unit_id]', { label: '浙江省某某局（应缴 900 元）' });
    await regional.page.fill('#record-payment input[name=amount]', '900');
    await regional.page.fill('#record-payment input[name=bank_reference]', 'E2E-0002');
    await submitForm(regional.page, '#record-payment button[type=submit]');
    before = sms.messages.length;
    await conac.page.goto(`${base}/payments`);
    await submitForm(conac.page, `tr:has-text("E2E-0002") button[type=submit]`);
    await waitForSms(sms, MOBILE, new RegExp(`续费.*${DOMAIN}.*有效期至`), before);
    await unit.page.goto(`${base}/domains`);
    const newExpiry = (await unit.page.locator(`#my-domains tr[data-domain="${domain}"] td`).nth(4).textContent()).trim();
    const years = Number(newExpiry.slice(0, 4)) - Number(firstExpiry.slice(0, 4));
    if (years !== 3 || newExpiry.slice(4) !== firstExpiry.slice(4)) {
      fail(`the expiry moved from ${firstExpiry} to ${newExpiry}, not by 3 years`);
    }
    await expectText(unit.page, '#renewals', '已续费');
    await shot(unit.page, 'renewed');
    await unit.page.goto(`${base}/payments`);
    await expectText(unit.page, '#invoices', '某某路 9 号');
    await expectText(unit.page, '#due', '暂无应缴费用');
    await shot(unit.page, 'fees-paid');
    await unit.page.goto(`${base}/payments?lang=en`);
    await expectText(unit.page, 'main', 'Pay by bank transfer to');
    await shot(unit.page, 'fees-paid-en');
  } finally {
    await browser.close();
  }
});
