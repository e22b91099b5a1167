'use strict';
// 附件一 end to end in headless Chromium, against a real `badgewatch serve`
// on a fresh registry whose outbox serve delivers to a test SMS gateway:
// from the login page a new unit follows 新用户注册, picks 浙江省 → 杭州市 →
// 上城区 (the city and county pickers fill from /api/regions), submits the
// form with mistakes and sees each beside its field, corrects them and
// registers; its confirmation SMS arrives; it logs in at once, changes its
// password under 账号管理, finds it again by 忘记密码 with the SMS code the
// gateway received, and corrects its address. Then offices at every level:
// CONAC creates the 上城区 office's reviewer account on the web (and disables
// and re-enables another one), the unit applies for its site (网站开办审核),
// the 上城区 office reviews it first, the 杭州市 office sees it read-only (no
// decision buttons, not in its queue), a county office of another city gets
// 404, the letter is addressed to the 上城区 office, and the county office
// resets the unit's password from the unit's details. The county office
// sets its address and phone (本部门信息, with its errors shown first), which
// the unit's application page and the letter then name. Screenshots go to
// OUT_DIR.
//
// Usage: node registration_e2e.js BADGEWATCH_BINARY OUT_DIR
const fs = require('fs');
const path = require('path');
const {
  decide, expectText, fail, freePort, launchBrowser, logIn, runCli, runE2e, startChild, startSmsGateway,
  step, submitWithSmsCode, waitForSms,
} = require('./e2e_support');

const LOGIN = 'sc-edu';
const MOBILE = '13700137701';
const UNIT = '杭州市上城区教育局';
const PASSWORDS = {
  first: 'First-pass-2026!', changed: 'Changed-pass-2026!', reset: 'Reset-pass-2026!',
  staff: 'Staff-pass-2026!', office: 'Office-pass-2026!',
};
const COUNTY_OFFICE = '浙江省杭州市上城区机构编制委员会办公室';
const OFFICE_ADDRESS = '杭州市上城区解放路 8 号 302 室';
const OFFICE_PHONE = '0571-87000000';

runE2e(async ({ binary, outDir, work }) => {
  const db = path.join(work, 'registry.db');
  step('a fresh registry, the SMS gateway and the server');
  await runCli(binary, ['registry', 'create-account', '--db', db, '--login', 'conac-staff', '--role', 'conac']);
  // The city's office and a county office of another city (宁波市海曙区), by the CLI.
  for (const [login, office] of [['conac-staff', ''], ['hz-office', '330100'], ['hs-office', '330203']]) {
    if (office) {
      await runCli(binary, ['registry', 'create-account', '--db', db, '--login', login, '--role', 'regional',
        '--region', office]);
    }
    await runCli(binary, ['registry', 'set-password', '--db', db, '--login', login, '--password-stdin'],
      `${login === 'conac-staff' ? PASSWORDS.staff : PASSWORDS.office}\n`);
  }
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

    step('CONAC creates the 上城区 office reviewer account from the web');
    const conac = await logIn(browser, base, 'conac-staff', PASSWORDS.staff);
    await Promise.all([conac.page.waitForNavigation(), conac.page.click('nav a[href="/offices/accounts"]')]);
    await expectText(conac.page, 'h1', '审核员账号');
    const office = conac.page.locator('form#reviewer-form');
    await office.locator('select[name=province]').selectOption('330000');
    await conac.page.waitForSelector('select[name=city] option[value="330100"]', { state: 'attached' });
    await office.locator('select[name=city]').selectOption('330100');
    await conac.page.waitForSelector('select[name=county] option[value="330102"]', { state: 'attached' });
    await office.locator('select[name=county]').selectOption('330102');
    await office.locator('input[name=login]').fill('sc-office');
    await office.locator('input[name=password]').fill(PASSWORDS.office);
    await Promise.all([conac.page.waitForNavigation(), office.locator('button[type=submit]').click()]);
    await expectText(conac.page, 'main', '审核员账号 sc-office 已创建');
    await expectText(conac.page, '#reviewer-accounts tr[data-login="sc-office"]', COUNTY_OFFICE);
    await shot(conac.page, 'office-accounts');

    step('CONAC disables the 海曙区 account (it cannot log in), then re-enables it');
    const toggle = async (label) => {
      const row = conac.page.locator('#reviewer-accounts tr[data-login="hs-office"]');
      await Promise.all([conac.page.waitForNavigation(), row.locator('button[type=submit]').click()]);
      await expectText(conac.page, '#reviewer-accounts tr[data-login="hs-office"]', label);
    };
    await toggle('已停用');
    await shot(conac.page, 'office-account-disabled');
    const refused = await browser.newContext({ locale: 'zh-CN' });
    const refusedPage = await refused.newPage();
    await refusedPage.goto(`${base}/login`);
    await refusedPage.fill('input[name=login]', 'hs-office');
    await refusedPage.fill('input[name=password]', PASSWORDS.office);
    await Promise.all([refusedPage.waitForNavigation(), refusedPage.click('form#login-form button[type=submit]')]);
    if (!refusedPage.url().includes('/login')) fail('a disabled account logged in');
    await refused.close();
    await toggle('启用');
    await conac.context.close();

    step('the unit applies for its site (网站开办审核)');
    await again.page.goto(`${base}/applications/new`);
    const application = again.page.locator('form#application-form');
    await application.locator('input[name=name]').fill('上城区教育网');
    await application.locator('input[name=english_domain]').fill('edu.sc.hangzhou.gov.cn');
    await application.locator('input[name=ips]').fill('127.0.0.1');
    await application.locator('textarea[name=introduction]').fill('发布上城区教育动态和办事指南。');
    const applicationUrl = await submitWithSmsCode(again.page, sms, '13700137702');

    step('the 上城区 office reviews it first');
    const county = await logIn(browser, base, 'sc-office', PASSWORDS.office);
    await expectText(county.page, 'header', COUNTY_OFFICE);
    if (await county.page.locator('nav a[href="/offices/accounts"]').count() !== 0) {
      fail('a county office is offered accounts to manage');
    }
    await county.page.goto(`${base}/review`);
    await expectText(county.page, 'main', '上城区教育网');
    await county.page.goto(applicationUrl);
    await shot(county.page, 'county-review');
    await decide(county, applicationUrl, 'regional-pass');
    await expectText(county.page, 'main', '初审');

    step('the 上城区 office sets where it receives the paper materials (本部门信息)');
    await Promise.all([county.page.waitForNavigation(), county.page.click('nav a[href="/offices/contact"]')]);
    await expectText(county.page, '#office-name', COUNTY_OFFICE);
    await county.page.fill('form#office-contact input[name=phone]', '电话 0571');
    await Promise.all([county.page.waitForNavigation(), county.page.click('form#office-contact button[type=submit]')]);
    await expectText(county.page, 'form#office-contact', '请填写机构地址');
    await expectText(county.page, 'form#office-contact', '联系电话“电话 0571”无效');
    await county.page.fill('form#office-contact input[name=address]', OFFICE_ADDRESS);
    await county.page.fill('form#office-contact input[name=phone]', OFFICE_PHONE);
    await Promise.all([county.page.waitForNavigation(), county.page.click('form#office-contact button[type=submit]')]);
    await expectText(county.page, '.message.ok', '已保存');
    await shot(county.page, 'office-contact');
    // A reviewer reads no print instruction; the unit reads where to go.
    await county.page.goto(applicationUrl);
    if (await county.page.locator('#materials-office').count() !== 0) fail('the office is told to print');
    await again.page.goto(applicationUrl);
    await expectText(again.page, '#materials-office', `${COUNTY_OFFICE}（地址：${OFFICE_ADDRESS}；电话：${OFFICE_PHONE}）`);
    await shot(again.page, 'materials-office');

    step('the 杭州市 office sees it read-only; 海曙区 sees nothing');
    const city = await logIn(browser, base, 'hz-office', PASSWORDS.office);
    await expectText(city.page, 'header', '浙江省杭州市机构编制委员会办公室');
    const seen = await city.page.goto(applicationUrl);
    if (seen.status() !== 200) fail(`the city office got ${seen.status()}`);
    await expectText(city.page, 'main', '上城区教育网');
    if (await city.page.locator('form.decision').count() !== 0) fail('the city office has decision buttons');
    if (await city.page.locator('#unit-password-reset').count() !== 0) fail('the city office may reset');
    await shot(city.page, 'city-read-only');
    await city.page.goto(`${base}/review`);
    if ((await city.page.textContent('main')).includes('上城区教育网')) fail('in the city office\'s queue');
    await city.context.close();
    const other = await logIn(browser, base, 'hs-office', PASSWORDS.office);
    const hidden = await other.page.goto(applicationUrl);
    if (hidden.status() !== 404) fail(`the other county's office got ${hidden.status()}`);
    await shot(other.page, 'other-county');
    await other.context.close();

    step('the letter goes to the 上城区 office');
    await again.page.goto(`${applicationUrl}/letter`);
    await expectText(again.page, 'body', `${COUNTY_OFFICE}：`);
    await expectText(again.page, 'body', `报送${COUNTY_OFFICE}（地址：${OFFICE_ADDRESS}；电话：${OFFICE_PHONE}）`);
    await shot(again.page, 'letter');
    await again.context.close();

    step('the county office resets the unit\'s password from its details');
    await county.page.goto(applicationUrl);
    const beforeReset = sms.messages.length;
    await Promise.all([county.page.waitForNavigation(),
      county.page.click('#unit-password-reset button[type=submit]')]);
    await expectText(county.page, '#unit-password-reset', '单位密码已重置，新密码已发送到 137****7701');
    await waitForSms(sms, MOBILE, /新密码为/, beforeReset);
    await shot(county.page, 'unit-password-reset');
    await county.context.close();
  } finally {
    await browser.close();
  }
});
