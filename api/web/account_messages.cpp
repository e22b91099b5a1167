#include "api/web/account_messages.h"

#include <array>
#include <cstddef>

namespace badgewatch::api {
namespace {

struct AccountTranslation {
  AccountText text;
  std::string_view chinese;
  std::string_view english;
};

using AT = AccountText;

constexpr std::array<AccountTranslation, static_cast<std::size_t>(AT::kCount)> kAccountMessages = {{
    {AT::kRegisterLink, "新用户注册", "Register a new unit"},
    {AT::kForgotPasswordLink, "忘记密码", "Forgot the password"},
    {AT::kRegisterTitle, "新用户注册", "New unit registration"},
    {AT::kRegisterHelp,
     "请如实填写本单位信息，带 * "
     "的为必填项。注册后即可登录；确认短信和电子邮件将发送到经办人的手机和"
     "电子邮箱。",
     "Fill in your unit's details as they are; fields marked * are required. You can log in as "
     "soon as you have registered; a confirmation SMS and e-mail go to the handler."},
    {AT::kSectionUnit, "单位信息", "The unit"},
    {AT::kSectionAccount, "登录账号", "The login"},
    {AT::kUnitKind, "单位类型", "Kind of unit"},
    {AT::kPickKind, "请选择单位类型", "Choose the kind"},
    {AT::kRegion, "所属区域", "Region"},
    {AT::kProvince, "省级", "Province"},
    {AT::kCity, "地市级", "City"},
    {AT::kCounty, "区县级", "County"},
    {AT::kPickProvince, "请选择省份", "Choose the province"},
    {AT::kPickCity, "（省级单位不选）", "(none for a provincial unit)"},
    {AT::kPickCounty, "（地市级单位不选）", "(none for a city's unit)"},
    {AT::kRegionHelp,
     "选到本单位所在的层级：省级单位只选省份，地市级单位选到地市，区县级单位选到区县。本单位由同级"
     "机构"
     "编制部门初审。",
     "Choose down to your unit's own level: a provincial unit the province only, a city's unit "
     "the city, a county's unit the county. The office at that level reviews your unit first."},
    {AT::kSystemCategory, "系统类别", "System category"},
    {AT::kPickCategory, "请选择系统类别", "Choose the category"},
    {AT::kUnitName, "单位名称", "Unit name"},
    {AT::kUnitNameHelp, "单位的全称，最多 100 个字符",
     "The unit's full name, at most 100 characters"},
    {AT::kAddress, "单位地址", "Address"},
    {AT::kAddressHelp, "发票将邮寄到此地址，最多 200 个字符",
     "Invoices are mailed here; at most 200 characters"},
    {AT::kHandlerName, "经办人姓名", "Handler's name"},
    {AT::kHandlerNameHelp, "最多 50 个字符", "At most 50 characters"},
    {AT::kMobile, "经办人手机号", "Handler's mobile"},
    {AT::kMobileHelp, "11 位中国大陆手机号，接收审核结果和验证码",
     "A mainland mobile number of 11 digits; review results and codes are sent to it"},
    {AT::kEmail, "电子邮箱", "E-mail"},
    {AT::kLogin, "登录名", "Login"},
    {AT::kLoginHelp, "3–64 个英文字母、数字、“.”、“_”或“-”",
     "3-64 letters, digits, '.', '_' or '-'"},
    {AT::kPassword, "密码", "Password"},
    {AT::kPasswordHelp, "至少 10 个字符，不能与登录名相同",
     "At least 10 characters, not the login"},
    {AT::kPasswordAgain, "再次输入密码", "The password again"},
    {AT::kRegisterButton, "注册", "Register"},
    {AT::kFormHasErrors, "有 {} 处需要修改，请按提示改正后重新提交。",
     "{} fields need correcting; please correct them and submit again."},
    {AT::kRegistered, "注册成功，确认短信和电子邮件已发送。请用登录名 {} 登录。",
     "Registered. A confirmation SMS and e-mail are on their way. Log in as {}."},
    {AT::kHaveAccount, "已有账号？请登录", "Registered already? Log in"},
    {AT::kResetTitle, "找回密码", "Reset the password"},
    {AT::kResetHelp,
     "请输入登录名和注册时填写的经办人手机号，验证码将发送到该手机。工作人员账号请联系管理员重置密"
     "码。",
     "Enter the login and the handler's mobile registered with it; a code is sent to that "
     "mobile. Staff accounts: ask an administrator to reset the password."},
    {AT::kSendResetCode, "获取验证码", "Send the code"},
    {AT::kSendCodeAgain, "重新获取验证码", "Send a new code"},
    {AT::kResetCodeSent, "如果登录名与注册手机号相符，验证码已发送到该手机，10 分钟内有效。",
     "If the login and the mobile match, a code was sent to that mobile; it is valid for 10 "
     "minutes."},
    {AT::kSmsCode, "短信验证码", "SMS code"},
    {AT::kNewPassword, "新密码", "New password"},
    {AT::kNewPasswordAgain, "再次输入新密码", "The new password again"},
    {AT::kResetButton, "重置密码", "Reset the password"},
    {AT::kPasswordWasReset, "密码已重置，请用新密码登录。",
     "The password is reset; log in with the new one."},
    {AT::kBackToLogin, "返回登录", "Back to the login"},
    {AT::kAccountTitle, "账号管理", "Account"},
    {AT::kAccountLink, "账号管理", "Account"},
    {AT::kAccountFacts, "注册信息", "As registered"},
    {AT::kContactTitle, "修改单位联系信息", "Correct the unit's contact details"},
    {AT::kContactHelp,
     "单位地址用于邮寄发票，经办人手机和电子邮箱接收审核结果、通知和验证码。每次修改都记入审计日志"
     "（含原值）。",
     "Invoices are mailed to the address; results, notices and codes go to the mobile and the "
     "e-mail. Each change is kept in the audit log with the old value."},
    {AT::kSaveContact, "保存修改", "Save"},
    {AT::kContactSaved, "单位联系信息已保存。", "The contact details are saved."},
    {AT::kChangePasswordTitle, "修改密码", "Change the password"},
    {AT::kCurrentPassword, "当前密码", "Current password"},
    {AT::kChangePasswordButton, "修改密码", "Change the password"},
    {AT::kPasswordChanged, "密码已修改，本账号的登录均已退出。请用新密码重新登录。",
     "The password is changed and every session of this account ended. Log in with the new "
     "one."},
    {AT::kReviewersTitle, "审核员账号", "Reviewer accounts"},
    {AT::kReviewersHelpConac,
     "为各级机构编制部门创建审核员账号，停用或重新启用。停用的账号不能登录，"
     "其 API 令牌也不再有效。每次操作都记入审计日志。",
     "Create reviewer accounts for the offices at every level, disable or re-enable them. A "
     "disabled account cannot log in and its API tokens stop working. Each step is audited."},
    {AT::kReviewersHelpOffice,
     "为本部门以下各级机构编制部门创建审核员账号，停用或重新启用。停用的账号"
     "不能登录，其 API 令牌也不再有效。每次操作都记入审计日志。",
     "Create reviewer accounts for the offices below yours, disable or re-enable them. A "
     "disabled account cannot log in and its API tokens stop working. Each step is audited."},
    {AT::kNewReviewerTitle, "新建审核员账号", "New reviewer account"},
    {AT::kReviewerOfficeHelp,
     "选择账号所属的机构编制部门：只选省份即省级，再选城市即市级，选到区县即县级。",
     "Choose the account's office: a province alone is the provincial office, a city the city's, "
     "a county the county's."},
    {AT::kInitialPassword, "初始密码", "Initial password"},
    {AT::kCreateReviewer, "创建账号", "Create the account"},
    {AT::kReviewerCreated, "审核员账号 {} 已创建。", "The reviewer account {} is created."},
    {AT::kReviewerChanged, "账号状态已更新。", "The account's standing is changed."},
    {AT::kReviewersNone, "还没有可管理的审核员账号。", "No reviewer accounts to manage yet."},
    {AT::kOffice, "机构编制部门", "Office"},
    {AT::kAccountState, "状态", "Standing"},
    {AT::kEnabled, "启用", "Enabled"},
    {AT::kDisabled, "已停用", "Disabled"},
    {AT::kDisableButton, "停用", "Disable"},
    {AT::kEnableButton, "启用", "Enable"},
    {AT::kUnitPasswordResetTitle, "重置单位密码", "Reset the unit's password"},
    {AT::kUnitPasswordResetHelp,
     "为该单位账号生成新密码，发送到其注册手机和电子邮箱；该账号的登录均退出。",
     "Gives the unit's account a new password, sent to its registered mobile and e-mail; its "
     "sessions end."},
    {AT::kUnitPasswordResetButton, "重置密码", "Reset the password"},
    {AT::kUnitPasswordWasReset, "单位密码已重置，新密码已发送到 {}。",
     "The unit's password is reset; the new one went to {}."},
    {AT::kOfficeContactTitle, "本部门信息", "Our office"},
    {AT::kOfficeContactHelp,
     "单位报送网站开办审核的书面材料时，公函和申请页面会写明本部门的名称、地址和电话。上级部门和"
     "CONAC 可按行政区划代码维护下级部门的信息。",
     "The letter and the application page tell units where to hand in their paper materials: "
     "the office's name, address and phone. Offices above and CONAC may keep those of the offices "
     "below by division code."},
    {AT::kOfficeCode, "行政区划代码", "Division code"},
    {AT::kOfficeShow, "查看", "Show"},
    {AT::kOfficeAddress, "收件地址", "Postal address"},
    {AT::kOfficeAddressHelp, "单位报送书面材料的地址，例如：杭州市上城区某某路 1 号 201 室",
     "Where units send the paper materials, e.g. 杭州市上城区某某路 1 号 201 室"},
    {AT::kOfficePhone, "联系电话", "Phone"},
    {AT::kOfficeSave, "保存", "Save"},
    {AT::kOfficeContactSaved, "已保存。", "Saved."},
}};

constexpr bool AccountMessagesInOrder() {
  for (std::size_t i = 0; i < kAccountMessages.size(); ++i) {
    if (static_cast<std::size_t>(kAccountMessages[i].text) != i) return false;
    if (kAccountMessages[i].chinese.empty() || kAccountMessages[i].english.empty()) return false;
  }
  return true;
}
static_assert(AccountMessagesInOrder(), "kAccountMessages lists every AccountText once, in order");

}  // namespace

std::string_view AccountMessage(AccountText text, ReportLanguage language) {
  const AccountTranslation& t = kAccountMessages.at(static_cast<std::size_t>(text));
  return language == ReportLanguage::kChinese ? t.chinese : t.english;
}

}  // namespace badgewatch::api
