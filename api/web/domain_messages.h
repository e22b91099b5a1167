// The texts of the Chinese-domain pages (域名申请, 域名业务管理, 域名缴费管理)
// in Simplified Chinese (the default) and English: a table of their own
// beside messages.h's. Pure; any thread.
#ifndef BADGEWATCH_API_WEB_DOMAIN_MESSAGES_H_
#define BADGEWATCH_API_WEB_DOMAIN_MESSAGES_H_

#include <string_view>

#include "api/web/messages.h"

namespace badgewatch::api {

enum class DomainText {
  kApplyTitle,
  kApplyHelp,
  kDomainName,
  kDomainNameHelp,
  kCheckButton,
  kAvailable,
  kTaken,
  kYears,
  kYearsOption,
  kFeePerYear,
  kSubmitDomain,
  kDomainSubmitted,
  kMyDomains,
  kDomainApplications,
  kRenewals,
  kNoDomains,
  kNoDomainApplications,
  kNoRenewals,
  kRegisteredOn,
  kExpiresOn,
  kTermUsed,
  kTermUsedValue,
  kSelect,
  kRenewButton,
  kRenewHelp,
  kRenewalSubmitted,
  kWithdrawRenewal,
  kRenewalWithdrawn,
  kGraceUntil,
  kLapsedNote,
  kRejectedReason,
  kSubmittedAt,
  kFee,
  kYuan,
  kDomains,
  kDomainTitle,
  kAsciiName,
  kRevisions,
  kRevisionLine,
  kRevisionReason,  // "{}" = the reason
  kResubmitTitle,
  kResubmitButton,
  kDomainResubmitted,
  kDomainPassedByConac,
  kPaymentsTitle,
  kBankAccountTitle,
  kAccountName,
  kBank,
  kAccountNumber,
  kBankNotConfigured,
  kTransferNote,
  kBalance,  // "{}" = the amount
  kDueTitle,
  kDueDomain,
  kDueRenewal,
  kDueTotal,
  kShortfall,
  kNothingDue,
  kPaymentsList,
  kInvoices,
  kBankReference,
  kRecordedOn,
  kConfirmedOn,
  kMailingAddress,
  kMailedOn,
  kNoPayments,
  kNoInvoices,
  kRecordPaymentTitle,
  kRecordPaymentHelp,
  kPayingUnit,
  kPickUnit,
  kUnitOwes,
  kAmount,
  kRecordPaymentButton,
  kPaymentRecorded,
  kAmountInvalid,
  kNoUnitsOwing,
  kConfirmFundsButton,
  kFundsConfirmed,
  kAllPayments,
  kPaymentRecordedState,
  kPaymentConfirmedState,
  kRenewalSubmittedState,
  kRenewalCompletedState,
  kRenewalWithdrawnState,
  kOpenDomain,
  kDecisionDone,
  kCount,  // not a message: the number of messages
};

// The message in `language`; never empty.
[[nodiscard]] std::string_view DomainMessage(DomainText text, ReportLanguage language);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_WEB_DOMAIN_MESSAGES_H_
