// normalize(): NFC plus whitespace unification in one pass over the bytes.
//
// The idea. News text is overwhelmingly ASCII with a sprinkling of typographic punctuation and
// accented letters, and nearly all of it is already NFC. So the pass is organised around the
// cheap case: a table classifies each byte, runs of ordinary ASCII (and single spaces between
// them) are copied with no per-character decisions, and only whitespace, line breaks and
// non-ASCII code points take the slow path. A non-ASCII code point is decoded once, mapped when
// it is a space, a line separator or a zero-width character, and otherwise checked with the
// Unicode NFC quick-check property (NFC_QC = Yes and canonical combining class 0). Text in which
// every code point passes is NFC by definition (UAX #15 quick check), so ICU is never called for
// it. When a code point fails, the output is normalised by ICU from the last ASCII byte before
// it (an ASCII character never composes with what precedes it, so it is a safe boundary).
//
// Cost: one read and at most one write per byte on the common path, no allocation beyond the
// output string; ICU's UTF-8 normaliser (itself span-based) only for text that needs it.
//
// Whitespace policy (see text.h): CR LF / CR / VT / FF / NEL / U+2028 / U+2029 become LF; tabs,
// NBSP and the other Unicode space separators become ' '; U+00AD, U+200B, U+2060 and U+FEFF are
// removed (ZWJ / ZWNJ are kept: they are orthographic in Indic and Persian text and in emoji);
// runs of spaces collapse to one; spaces at the start and end of a line are dropped; more than one
// blank line becomes one; leading and trailing blank lines of the whole text are dropped.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/bytestream.h>

#include <array>
#include <cstring>
#include <string>
#include <string_view>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace crosscheck::text {
namespace {

enum ByteClass : uint8_t { kPlain, kSpace, kNewline, kCarriageReturn, kNonAscii };

constexpr std::array<uint8_t, 256> make_byte_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c < 0x80 ? kPlain : kNonAscii;
  t[' '] = kSpace;
  t['\t'] = kSpace;
  t['\n'] = kNewline;
  t['\v'] = kNewline;
  t['\f'] = kNewline;
  t['\r'] = kCarriageReturn;
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = make_byte_classes();

// What the slow path does with one non-ASCII code point.
enum class CodePointAction { kKeep, kKeepCheckNfc, kSpace, kNewline, kDrop };

inline CodePointAction classify(char32_t cp) {
  switch (cp) {
    case 0x0085: case 0x2028: case 0x2029:
      return CodePointAction::kNewline;
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return CodePointAction::kSpace;
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
      return CodePointAction::kDrop;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return CodePointAction::kSpace;
  // Everything below U+0300 (Latin-1, Latin Extended, IPA, spacing modifiers) is NFC_QC=Yes with
  // combining class 0; so is the General Punctuation block that news typography lives in.
  if (cp < 0x0300 || (cp >= 0x2010 && cp <= 0x206F)) return CodePointAction::kKeep;
  return CodePointAction::kKeepCheckNfc;
}

inline bool nfc_quick_check_yes(char32_t cp) {
  return u_getCombiningClass(static_cast<UChar32>(cp)) == 0 &&
         u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

// Normalises out[from..] to NFC in place.
void nfc_suffix(std::string& out, size_t from) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;  // ICU data missing: whitespace unification still holds
  std::string tail;
  tail.reserve(out.size() - from + 16);
  icu::StringByteSink<std::string> sink(&tail);
  nfc->normalizeUTF8(0, icu::StringPiece(out.data() + from, static_cast<int32_t>(out.size() - from)),
                     sink, nullptr, status);
  if (U_FAILURE(status)) return;
  out.resize(from);
  out += tail;
}

}  // namespace

std::string normalize(std::string_view in) {
  std::string out;
  // Every mapping shrinks or keeps the byte length, so the output fits in the input's size; NFC
  // (which may grow text) runs afterwards into its own buffer.
  out.resize(in.size());
  char* const base = out.data();
  char* o = base;
  auto p = reinterpret_cast<const unsigned char*>(in.data());
  const auto end = p + in.size();

  int pending_newlines = 0;
  bool pending_space = false;
  size_t nfc_from = std::string::npos;  // output offset from which ICU must normalise

  // Emits the whitespace owed before the next visible character.
  auto flush = [&]() {
    if (o != base) {
      if (pending_newlines > 0) {
        *o++ = '\n';
        if (pending_newlines > 1) *o++ = '\n';
      } else if (pending_space) {
        *o++ = ' ';
      }
    }
    pending_newlines = 0;
    pending_space = false;
  };

  while (p < end) {
    switch (kByteClass[*p]) {
      case kPlain: {
        flush();
        // Hot loop: ordinary ASCII, and single spaces followed by ordinary ASCII.
        do {
          *o++ = static_cast<char>(*p++);
          if (p + 1 < end && *p == ' ' && kByteClass[p[1]] == kPlain) *o++ = static_cast<char>(*p++);
        } while (p < end && kByteClass[*p] == kPlain);
        break;
      }
      case kSpace:
        pending_space = true;
        ++p;
        break;
      case kNewline:
        ++pending_newlines;
        pending_space = false;
        ++p;
        break;
      case kCarriageReturn:
        ++pending_newlines;
        pending_space = false;
        ++p;
        if (p < end && *p == '\n') ++p;
        break;
      default: {  // kNonAscii
        const char* q = reinterpret_cast<const char*>(p);
        const char* start = q;
        char32_t cp = utf8::decode(q, reinterpret_cast<const char*>(end));
        auto len = static_cast<size_t>(q - start);
        p = reinterpret_cast<const unsigned char*>(q);
        switch (classify(cp)) {
          case CodePointAction::kSpace:
            pending_space = true;
            break;
          case CodePointAction::kNewline:
            ++pending_newlines;
            pending_space = false;
            break;
          case CodePointAction::kDrop:
            break;
          case CodePointAction::kKeepCheckNfc:
            if (nfc_from == std::string::npos && !nfc_quick_check_yes(cp)) {
              flush();
              // Back up to the last ASCII byte: a boundary ICU may start from.
              char* b = o;
              while (b > base && static_cast<unsigned char>(b[-1]) >= 0x80) --b;
              nfc_from = static_cast<size_t>((b > base ? b - 1 : b) - base);
            }
            [[fallthrough]];
          case CodePointAction::kKeep:
            flush();
            std::memcpy(o, start, len);
            o += len;
            break;
        }
        break;
      }
    }
  }
  out.resize(static_cast<size_t>(o - base));
  if (nfc_from != std::string::npos) nfc_suffix(out, nfc_from);
  return out;
}

}  // namespace crosscheck::text
