// fold(): the comparison key of a token — ICU full case folding ("Straße" -> "strasse",
// "ΣΟΦΊΑ" -> "σοφία") with typographic apostrophes unified to "'".
//
// Tokens are short and mostly ASCII, so ASCII is lower-cased byte by byte without ICU; anything
// else goes UTF-8 -> UTF-16 -> u_strFoldCase -> UTF-8 (a few short-lived buffers; non-ASCII
// tokens are a small minority in the languages we mostly see).
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "crosscheck/text.h"

namespace crosscheck::text {
namespace {

// ’ (U+2019), ‘ (U+2018) and ʼ (U+02BC) all spell the apostrophe in "don’t" / "Zelensʼkyy".
void unify_apostrophes(std::u16string_view in, std::u16string& out) {
  out.assign(in);
  for (char16_t& c : out) {
    if (c == u'\u2019' || c == u'\u2018' || c == u'\u02BC') c = u'\'';
  }
}

}  // namespace

std::string fold(std::string_view token) {
  bool ascii = true;
  for (char c : token) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out(token);
  if (ascii) {
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    return out;
  }

  UErrorCode status = U_ZERO_ERROR;
  int32_t n16 = 0;
  std::u16string utf16(std::max<size_t>(token.size(), 1), u'\0');  // UTF-16 never needs more units
  u_strFromUTF8(reinterpret_cast<UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()), &n16,
                token.data(), static_cast<int32_t>(token.size()), &status);
  if (U_FAILURE(status)) return out;
  utf16.resize(static_cast<size_t>(n16));

  // Full folding can expand ("ß" -> "ss", "ŉ" -> "ʼn"): retry with the size ICU asks for.
  std::u16string folded(static_cast<size_t>(n16) + 8, u'\0');
  int32_t nf = u_strFoldCase(reinterpret_cast<UChar*>(folded.data()), static_cast<int32_t>(folded.size()),
                             reinterpret_cast<const UChar*>(utf16.data()), n16, U_FOLD_CASE_DEFAULT,
                             &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    folded.resize(static_cast<size_t>(nf));
    nf = u_strFoldCase(reinterpret_cast<UChar*>(folded.data()), nf,
                       reinterpret_cast<const UChar*>(utf16.data()), n16, U_FOLD_CASE_DEFAULT, &status);
  }
  if (U_FAILURE(status)) return out;
  std::u16string unified;
  unify_apostrophes(std::u16string_view(folded.data(), static_cast<size_t>(nf)), unified);

  int32_t n8 = 0;
  out.resize(unified.size() * 3 + 1);
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &n8,
              reinterpret_cast<const UChar*>(unified.data()), static_cast<int32_t>(unified.size()),
              &status);
  if (U_FAILURE(status)) return std::string(token);
  out.resize(static_cast<size_t>(n8));
  return out;
}

}  // namespace crosscheck::text
