// The texts of the registration, password-reset and account pages in
// Simplified Chinese (the default) and English: a table of their own beside
// messages.h's. Pure; any thread.
#ifndef BADGEWATCH_API_WEB_ACCOUNT_MESSAGES_H_
#define BADGEWATCH_API_WEB_ACCOUNT_MESSAGES_H_

#include <string_view>

#include "api/web/messages.h"

namespace badgewatch::api {

enum class AccountText {
  kRegisterLink,
  kForgotPasswordLink,
  kRegisterTitle,
  kRegisterHelp,
  kSectionUnit,
  kSectionAccount,
  kUnitKind,
  kPickKind,
  kRegion,
  kProvince,
  kCity,
  kCounty,
  kPickProvince,
  kPickCity,
  kPickCounty,
  kRegionHelp,
  kSystemCategory,
  kPickCategory,
  kUnitName,
  kUnitNameHelp,
  kAddress,
  kAddressHelp,
  kHandlerName,
  kHandlerNameHelp,
  kMobile,
  kMobileHelp,
  kEmail,
  kLogin,
  kLoginHelp,
  kPassword,
  kPasswordHelp,
  kPasswordAgain,
  kRegisterButton,
  kFormHasErrors,  // "{}" = how many
  kRegistered,     // "{}" = the login
  kHaveAccount,
  kResetTitle,
  kResetHelp,
  kSendResetCode,
  kSendCodeAgain,
  kResetCodeSent,
  kSmsCode,
  kNewPassword,
  kNewPasswordAgain,
  kResetButton,
  kPasswordWasReset,
  kBackToLogin,
  kAccountTitle,
  kAccountLink,
  kAccountFacts,
  kContactTitle,
  kContactHelp,
  kSaveContact,
  kContactSaved,
  kChangePasswordTitle,
  kCurrentPassword,
  kChangePasswordButton,
  kPasswordChanged,
  kReviewersTitle,
  kReviewersHelpConac,
  kReviewersHelpOffice,
  kNewReviewerTitle,
  kReviewerOfficeHelp,
  kInitialPassword,
  kCreateReviewer,
  kReviewerCreated,  // "{}" = the login
  kReviewerChanged,
  kReviewersNone,
  kOffice,
  kAccountState,
  kEnabled,
  kDisabled,
  kDisableButton,
  kEnableButton,
  kUnitPasswordResetTitle,
  kUnitPasswordResetHelp,
  kUnitPasswordResetButton,
  kUnitPasswordWasReset,  // "{}" = the masked mobile
  kOfficeContactTitle,
  kOfficeContactHelp,
  kOfficeCode,
  kOfficeShow,
  kOfficeAddress,
  kOfficeAddressHelp,
  kOfficePhone,
  kOfficeSave,
  kOfficeContactSaved,
  kCount,  // not a message: the number of messages
};

// The message in `language`; never empty.
[[nodiscard]] std::string_view AccountMessage(AccountText text, ReportLanguage language);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_WEB_ACCOUNT_MESSAGES_H_
