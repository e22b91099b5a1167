#include "scan/gb18030_encoding.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <memory>

namespace badgewatch::scan {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// Opens `name` with the stop callbacks: a malformed or unmappable sequence
// is an error, never a silent substitution.
Result<Converter> OpenStrictConverter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter converter(ucnv_open(name, &status));
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInternal,
                  fmt::format("ICU cannot open the {} converter: {}", name, u_errorName(status)));
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInternal, fmt::format("ICU refuses strict callbacks for {}: {}",
                                                     name, u_errorName(status)));
  }
  return converter;
}

// Converts `input` from the `from` charset to the `to` charset in one pass
// (ucnv_convertEx with a pivot buffer).
Result<std::string> Convert(std::string_view input, const char* from, const char* to) {
  Result<Converter> source = OpenStrictConverter(from);
  if (!source) return source.status();
  Result<Converter> target = OpenStrictConverter(to);
  if (!target) return target.status();
  // Either direction grows by at most 2x (3-byte UTF-8 <-> 2-byte GB18030,
  // 4-byte <-> 4-byte), plus room for the final flush.
  std::string output(input.size() * 2 + 16, '\0');
  char* out = output.data();
  const char* in = input.data();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_convertEx(target->get(), source->get(), &out, output.data() + output.size(), &in,
                 input.data() + input.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("cannot convert text from {} to {} near byte {}: {}", from, to,
                              in - input.data(), u_errorName(status)));
  }
  output.resize(static_cast<std::size_t>(out - output.data()));
  return output;
}

}  // namespace

Result<std::string> Utf8ToGb18030(std::string_view utf8) {
  return Convert(utf8, "UTF-8", "GB18030");
}

Result<std::string> Gb18030ToUtf8(std::string_view gb18030) {
  return Convert(gb18030, "GB18030", "UTF-8");
}

}  // namespace badgewatch::scan
