#include "api/web/domain_messages.h"

#include <array>
#include <cstddef>

namespace badgewatch::api {
namespace {

struct DomainTranslation {
  DomainText text;
  std::string_view chinese;
  std::string_view english;
};

using DT = DomainText;

constexpr std::array<DomainTranslation, static_cast<std::size_t>(DT::kCount)> kDomainMessages = {{
    {DT::kApplyTitle, "域名申请", "Apply for a Chinese domain"},
    {DT::kApplyHelp,
     "党政机关申请“.政务”域名，事业单位和社会组织申请“.公益”域名；本单位可申请以“{}"
     "”结尾的域名。同级编办审核通过后，中央编办域名注册管理中心二次审核（显示“CONAC审核通过”）；之"
     "后按“域名缴费管理”中的银行账户汇款，CONAC认款后域名即注册成功。",
     "Party and government agencies apply for .政务 names, public institutions and social "
     "organisations for .公益 names; your unit may apply for names ending in “{}”. After the "
     "office at your level passes it, CONAC reviews it again (shown as “Passed by CONAC”); then "
     "pay by bank transfer to the account under Domain fees, and the domain is registered once "
     "CONAC confirms the funds."},
    {DT::kDomainName, "中文域名", "Chinese domain"},
    {DT::kDomainNameHelp, "例如：某某局{}", "For example: 某某局{}"},
    {DT::kCheckButton, "查询是否可注册", "Check availability"},
    {DT::kAvailable, "“{}”可以申请。", "“{}” is available."},
    {DT::kTaken, "“{}”已被注册或正在申请中，请换一个名称。",
     "“{}” is registered or applied for already; choose another name."},
    {DT::kYears, "年限", "Years"},
    {DT::kYearsOption, "{} 年", "{} year(s)"},
    {DT::kFeePerYear, "每个域名每年 {} 元。", "{} yuan a domain a year."},
    {DT::kSubmitDomain, "提交域名申请", "Submit the application"},
    {DT::kDomainSubmitted, "域名申请“{}”已提交，等待同级编办审核。",
     "The application for “{}” is submitted; the office at your level reviews it next."},
    {DT::kMyDomains, "我的域名", "My domains"},
    {DT::kDomainApplications, "域名申请记录", "Domain applications"},
    {DT::kRenewals, "续费申请", "Renewals"},
    {DT::kNoDomains, "暂无注册成功的域名。", "No registered domain yet."},
    {DT::kNoDomainApplications, "暂无域名申请。", "No domain application yet."},
    {DT::kNoRenewals, "暂无续费申请。", "No renewal yet."},
    {DT::kRegisteredOn, "注册时间", "Registered"},
    {DT::kExpiresOn, "到期时间", "Expires"},
    {DT::kTermUsed, "已用时间", "Time used"},
    {DT::kTermUsedValue, "已用 {}%", "{}% used"},
    {DT::kSelect, "选择", "Select"},
    {DT::kRenewButton, "提交续费申请", "Submit the renewal"},
    {DT::kRenewHelp,
     "勾选需续费的域名，选择年限后提交续费申请；续费期限自原到期日起计算，缴费并经CONAC认款后生效。"
     "每个域名同时只能有一个未完成的续费申请。",
     "Tick the domains to renew, choose the years and submit; the new term runs from the old "
     "expiry and takes effect once the fee is paid and CONAC confirms it. A domain has at most one "
     "open renewal at a time."},
    {DT::kRenewalSubmitted, "续费申请已提交，应缴 {} 元，请到“域名缴费管理”查看汇款账户。",
     "The renewal is submitted: {} yuan due; see Domain fees for the bank account."},
    {DT::kWithdrawRenewal, "撤回", "Withdraw"},
    {DT::kRenewalWithdrawn, "续费申请已撤回。", "The renewal is withdrawn."},
    {DT::kGraceUntil, "已过期；{} 前续费仍可恢复。", "Expired; renewing by {} restores it."},
    {DT::kLapsedNote, "已超过宽限期，域名已失效。",
     "Past the grace period: the domain has lapsed."},
    {DT::kRejectedReason, "不通过原因", "Reason for rejection"},
    {DT::kSubmittedAt, "提交时间", "Submitted"},
    {DT::kFee, "费用", "Fee"},
    {DT::kYuan, "{} 元", "{} yuan"},
    {DT::kDomains, "域名", "Domains"},
    {DT::kDomainTitle, "域名：{}", "Domain {}"},
    {DT::kAsciiName, "ASCII 形式", "ASCII form"},
    {DT::kRevisions, "历次提交", "Earlier submissions"},
    {DT::kRevisionLine, "第 {} 次提交：{}，{} 年", "Submission {}: {}, {} year(s)"},
    {DT::kRevisionReason, "（不通过原因：{}）", " (rejected: {})"},
    {DT::kResubmitTitle, "修改后重新提交", "Edit and resubmit"},
    {DT::kResubmitButton, "重新提交", "Resubmit"},
    {DT::kDomainResubmitted, "域名申请已修改并重新提交，等待同级编办审核。",
     "The application is edited and resubmitted; the office at your level reviews it next."},
    {DT::kDomainPassedByConac, "CONAC审核通过，请按“域名缴费管理”中的银行账户汇款。",
     "Passed by CONAC: pay by bank transfer to the account under Domain fees."},
    {DT::kPaymentsTitle, "域名缴费管理", "Domain fees"},
    {DT::kBankAccountTitle, "汇款账户", "Pay by bank transfer to"},
    {DT::kAccountName, "户名", "Account name"},
    {DT::kBank, "开户行", "Bank"},
    {DT::kAccountNumber, "账号", "Account number"},
    {DT::kBankNotConfigured, "收款账户尚未配置，请联系中央编办（010-52035000）。",
     "The receiving account is not configured yet; call CONAC (010-52035000)."},
    {DT::kTransferNote, "汇款时请在附言中注明单位名称；编办确认收费后，发票寄往本单位注册地址：{}",
     "Put your unit's name in the transfer's note; once the office records the payment, the "
     "invoice is mailed to your registered address: {}"},
    {DT::kBalance, "账户余额：{}", "Balance: {}"},
    {DT::kDueTitle, "应缴费用", "Amount due"},
    {DT::kDueDomain, "域名注册", "Registration"},
    {DT::kDueRenewal, "域名续费", "Renewal"},
    {DT::kDueTotal, "合计", "Total"},
    {DT::kShortfall, "余额不足，还需 {} 元。", "The balance falls short by {} yuan."},
    {DT::kNothingDue, "暂无应缴费用。", "Nothing is due."},
    {DT::kPaymentsList, "缴费记录", "Payments"},
    {DT::kInvoices, "发票", "Invoices"},
    {DT::kBankReference, "银行流水号", "Bank reference"},
    {DT::kRecordedOn, "确认收费", "Recorded"},
    {DT::kConfirmedOn, "CONAC认款", "Confirmed by CONAC"},
    {DT::kMailingAddress, "邮寄地址", "Mailed to"},
    {DT::kMailedOn, "寄出时间", "Mailed"},
    {DT::kNoPayments, "暂无缴费记录。", "No payment yet."},
    {DT::kNoInvoices, "暂无发票。", "No invoice yet."},
    {DT::kRecordPaymentTitle, "确认收费", "Record a payment received"},
    {DT::kRecordPaymentHelp,
     "收到单位汇款后在此登记金额和银行流水号，发票按单位注册地址寄送；CONAC认款后，余额自动用于该单"
     "位的域名注册和续费。",
     "Record the amount and the bank reference of a transfer received; the invoice goes to the "
     "unit's registered address. Once CONAC confirms the funds, the balance pays the unit's "
     "registrations and renewals."},
    {DT::kPayingUnit, "缴费单位", "Unit"},
    {DT::kPickUnit, "请选择单位", "Choose the unit"},
    {DT::kUnitOwes, "{}（应缴 {} 元）", "{} ({} yuan due)"},
    {DT::kAmount, "金额（元）", "Amount (yuan)"},
    {DT::kRecordPaymentButton, "确认收费并寄送发票", "Record it and mail the invoice"},
    {DT::kPaymentRecorded, "已登记收款，发票寄往单位注册地址，等待CONAC认款。",
     "The payment is recorded and the invoice mailed to the unit's address; CONAC confirms the "
     "funds next."},
    {DT::kAmountInvalid, "请输入大于 0 的金额，最多两位小数。",
     "Enter an amount above 0 with at most two decimals."},
    {DT::kNoUnitsOwing, "辖区内暂无待缴费的单位。", "No unit of yours has anything due."},
    {DT::kConfirmFundsButton, "认款", "Confirm the funds"},
    {DT::kFundsConfirmed, "已认款，金额已计入单位余额，余额可支付的域名已注册或续费。",
     "The funds are confirmed and credited; what the balance covers is registered or renewed."},
    {DT::kAllPayments, "全部缴费记录", "All payments"},
    {DT::kPaymentRecordedState, "待CONAC认款", "Awaiting CONAC"},
    {DT::kPaymentConfirmedState, "已认款", "Confirmed"},
    {DT::kRenewalSubmittedState, "待缴费", "Awaiting payment"},
    {DT::kRenewalCompletedState, "已续费", "Renewed"},
    {DT::kRenewalWithdrawnState, "已撤回", "Withdrawn"},
    {DT::kOpenDomain, "查看", "Open"},
    {DT::kDecisionDone, "已处理。", "Done."},
}};

constexpr bool DomainMessagesInOrder() {
  for (std::size_t i = 0; i < kDomainMessages.size(); ++i) {
    if (static_cast<std::size_t>(kDomainMessages[i].text) != i) return false;
    if (kDomainMessages[i].chinese.empty() || kDomainMessages[i].english.empty()) return false;
  }
  return true;
}
static_assert(DomainMessagesInOrder(), "kDomainMessages lists every DomainText once, in order");

}  // namespace

std::string_view DomainMessage(DomainText text, ReportLanguage language) {
  const DomainTranslation& t = kDomainMessages.at(static_cast<std::size_t>(text));
  return language == ReportLanguage::kChinese ? t.chinese : t.english;
}

}  // namespace badgewatch::api
