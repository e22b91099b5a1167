'use strict';
// 附件一 end to end in headless Chromium, against a real `badgewatch serve`
// on a fresh registry whose outbox serve delivers to a test SMS gateway:
// from the login page a new unit follows 新用户注册, picks 浙江省 → 杭州市 →
// 上城区 (the city and county pickers fill from /api/regions), submits the
// form with mistakes and sees each beside its field, corrects them and
// registers; its confirmation SMS arrives; it logs in at once, changes its
// password under 账号管理, finds it again by 忘记密码 with the SMS code the
// gateway received, and corrects its address. Screenshots go to OUT_DIR.
//
// Usage: node registration_e2e.js BADGEWATCH_BINARY OUT_DIR
const fs = require('fs');
const path = require('path');
const {
  expectText, fail, freePort, launchBrowser, logIn, runCli, runE2e, startChild, startSmsGateway, step,
  waitForSms,
} = require('./e2e_support');

const LOGIN = 'sc-edu';
const MOBILE = '13700137701';
const UNIT = '杭州市上城区教育局';
const PASSWORDS = { first: 'First-pass-2026!', changed: 'Changed-pass-2026!', reset: 'Reset-pass-2026!' };

runE2e(async ({ binary, outDir, work }) => {
  const db = path.join(work, 'registry.db');
  step('a fresh registry, the SMS gateway and the server');
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'conac-staff', '--role', 'conac']);
  const [smsPort, serverPort] = [await freePort(), await freePort()];
  const sms = await startSmsGateway(smsPort);
  const config = path.join(work, 'badgewatch.toml');
  fs.writeFileSync(config, `[sms]\ngateway_url = "http://127.0.0.1:${smsPort}/"\n`);
  await startChild('badgewatch serve', binary, ['serve', '--config', config, '--db', db,
    '--listen', `127.0.0.1:${serverPort}`], /listening on/);
  const base = `http://127.0.0.1:${serverPort}`;
  const shot = (page, name) => page.screenshot({ path: path.join(outDir, `registration-${name}.png`), fullPage: true });

  const browser = await launchBrowser();
  try {
    step('the login page leads to 新用户注册');
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await expectText(page, 'main', '忘记密码');
    await shot(page, 'login');
    await Promise.all([page.waitForNavigation(), page.click('a[href="/register"]')]);
    await expectText(page, 'h1', '新用户注册');

    step('picks 浙江省 → 杭州市 → 上城区 and fills the form, with mistakes');
    const form = page.locator('form#register-form');
    await form.locator('select[name=kind]').selectOption('党政机关');
    await form.locator('select[name=province]').selectOption('330000');
    await page.waitForSelector('select[name=city] option[value="330100"]', { state: 'attached' });
    await form.locator('select[name=city]').selectOption('330100');
    await page.waitForSelector('select[name=county] option[value="330102"]', { state: 'attached' });
    await form.locator('select[name=county]').selectOption('330102');
    await form.locator('select[name=system_category]').selectOption('政府');
    await form.locator('input[name=name]').fill(UNIT);
    await form.locator('input[name=address]').fill('浙江省杭州市上城区解放路 1 号');
    await form.locator('input[name=handler_name]').fill('钱经办');
    await form.locator('input[name=mobile]').fill('1370013');
    await form.locator('input[name=email]').fill('office.sc.example.gov.cn');
    await form.locator('input[name=login]').fill(LOGIN);
    await form.locator('input[name=password]').fill(PASSWORDS.first);
    await form.locator('input[name=password_again]').fill('Another-pass-2026!');
    await shot(page, 'form');
    await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
    await expectText(page, '#form-errors', '有 3 处需要修改');
    for (const field of ['mobile', 'email', 'password_again']) {
      if (await page.locator(`#error-${field}`).count() !== 1) fail(`no error beside ${field}`);
    }
    if (await page.locator('select[name=county] option[value="330102"][selected]').count() !== 1) {
      fail('the county chosen was not kept');
    }
    await shot(page, 'errors');

    step('corrects them and registers; the confirmation SMS arrives');
    const before = sms.messages.length;
    await form.locator('input[name=mobile]').fill(MOBILE);
    await form.locator('input[name=email]').fill('office@sc.example.gov.cn');
    await form.locator('input[name=password]').fill(PASSWORDS.first);
    await form.locator('input[name=password_again]').fill(PASSWORDS.first);
    await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
    if (!page.url().includes('/login?registered=')) fail(`not registered: ${await page.textContent('main')}`);
    await expectText(page, 'main', '注册成功');
    await waitForSms(sms, MOBILE, /新用户注册/, before);
    await shot(page, 'registered');
    await context.close();

    step('logs in at once and changes its password under 账号管理');
    const unit = await logIn(browser, base, LOGIN, PASSWORDS.first);
    await Promise.all([unit.page.waitForNavigation(), unit.page.click('#account-link')]);
    await expectText(unit.page, 'main', '浙江省杭州市上城区');
    await expectText(unit.page, 'main', UNIT);
    const password = unit.page.locator('form#password-form');
    await password.locator('input[name=current_password]').fill(PASSWORDS.first);
    await password.locator('input[name=new_password]').fill(PASSWORDS.changed);
    await password.locator('input[name=new_password_again]').fill(PASSWORDS.changed);
    await Promise.all([unit.page.waitForNavigation(), password.locator('button[type=submit]').click()]);
    await expectText(unit.page, 'main', '密码已修改');
    await unit.context.close();
    (await logIn(browser, base, LOGIN, PASSWORDS.changed)).context.close();

    step('忘记密码: the SMS code from the gateway sets a new one');
    const reset = await browser.newContext({ locale: 'zh-CN' });
    const resetPage = await reset.newPage();
    await resetPage.goto(`${base}/login`);
    await Promise.all([resetPage.waitForNavigation(), resetPage.click('a[href="/password-reset"]')]);
    await resetPage.fill('form#reset-request input[name=login]', LOGIN);
    await resetPage.fill('form#reset-request input[name=mobile]', MOBILE);
    const beforeCode = sms.messages.length;
    await Promise.all([resetPage.waitForNavigation(), resetPage.click('form#reset-request button[type=submit]')]);
    await expectText(resetPage, 'main', '验证码已发送');
    const sent = await waitForSms(sms, MOBILE, /验证码为 \d{6}/, beforeCode);
    await resetPage.fill('form#reset-confirm input[name=code]', /\d{6}/.exec(sent.text)[0]);
    await resetPage.fill('form#reset-confirm input[name=new_password]', PASSWORDS.reset);
    await resetPage.fill('form#reset-confirm input[name=new_password_again]', PASSWORDS.reset);
    await shot(resetPage, 'reset');
    await Promise.all([resetPage.waitForNavigation(), resetPage.click('form#reset-confirm button[type=submit]')]);
    await expectText(resetPage, 'main', '密码已重置');
    await reset.close();

    step('logs in with it and corrects the address');
    const again = await logIn(browser, base, LOGIN, PASSWORDS.reset);
    await again.page.goto(`${base}/account`);
    const contact = again.page.locator('form#contact-form');
    await contact.locator('input[name=address]').fill('浙江省杭州市上城区中山南路 2 号');
    await Promise.all([again.page.waitForNavigation(), contact.locator('button[type=submit]').click()]);
    await expectText(again.page, 'main', '单位联系信息已保存');
    const address = await again.page.inputValue('form#contact-form input[name=address]');
    if (address !== '浙江省杭州市上城区中山南路 2 号') fail(`the address reads ${address}`);
    await shot(again.page, 'account');
    await again.context.close();
  } finally {
    await browser.close();
  }
});
