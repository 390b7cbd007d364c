#include "crosscheck/ascii.h"
#include "src/ingest/format.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

namespace crosscheck::ingest {
namespace {

constexpr char lower(char c) { return ascii::to_lower(c); }

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (lower(s[s.size() - suffix.size() + i]) != suffix[i]) return false;
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view skip_bom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

}  // namespace

bool parse_format(std::string_view name, Format& out) {
  static constexpr std::pair<std::string_view, Format> kNames[] = {
      {"auto", Format::kAuto},   {"text", Format::kText}, {"html", Format::kHtml},
      {"jsonl", Format::kJsonl}, {"warc", Format::kWarc},
  };
  for (const auto& [n, f] : kNames) {
    if (n == name) {
      out = f;
      return true;
    }
  }
  return false;
}

const char* format_name(Format f) {
  switch (f) {
    case Format::kAuto:
      return "auto";
    case Format::kText:
      return "text";
    case Format::kHtml:
      return "html";
    case Format::kJsonl:
      return "jsonl";
    case Format::kWarc:
      return "warc";
  }
  return "?";
}

bool is_compression_name(std::string_view name) {
  return ends_with_ci(name, ".gz") || ends_with_ci(name, ".zst") || ends_with_ci(name, ".bz2");
}

Format format_from_name(std::string_view name) {
  if (ends_with_ci(name, ".gz")) name.remove_suffix(3);
  static constexpr std::pair<std::string_view, Format> kSuffixes[] = {
      {".txt", Format::kText},   {".text", Format::kText},    {".html", Format::kHtml},
      {".htm", Format::kHtml},   {".xhtml", Format::kHtml},   {".jsonl", Format::kJsonl},
      {".json", Format::kJsonl}, {".ndjson", Format::kJsonl}, {".warc", Format::kWarc},
  };
  for (const auto& [suffix, f] : kSuffixes) {
    if (ends_with_ci(name, suffix)) return f;
  }
  return Format::kAuto;
}

bool looks_like_html(std::string_view bytes) {
  bytes = bytes.substr(0, 1024);
  std::string head(bytes.size(), '\0');
  std::transform(bytes.begin(), bytes.end(), head.begin(), lower);
  for (std::string_view marker : {"<!doctype", "<html", "<head", "<body", "<div"}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  // "<p" alone is too common a prefix ("<pre", "<path"): require the paragraph tag itself.
  for (size_t at = head.find("<p"); at != std::string::npos; at = head.find("<p", at + 2)) {
    char next = at + 2 < head.size() ? head[at + 2] : '\0';
    if (next == '>' || is_space(next)) return true;
  }
  return false;
}

Format sniff_format(std::string_view bytes) {
  bytes = skip_bom(bytes);
  if (bytes.substr(0, 5) == "WARC/") return Format::kWarc;
  size_t i = 0;
  while (i < bytes.size() && is_space(bytes[i])) ++i;
  if (i < bytes.size() && bytes[i] == '{') return Format::kJsonl;
  if (looks_like_html(bytes.substr(i))) return Format::kHtml;
  return Format::kText;
}

bool looks_binary(std::string_view bytes) {
  bytes = bytes.substr(0, 4096);
  if (bytes.empty()) return false;
  size_t control = 0;
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) || c == 0x7f) {
      ++control;
    }
  }
  return control * 10 > bytes.size() * 3;
}

}  // namespace crosscheck::ingest
