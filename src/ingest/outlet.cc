// The outlet of an article when the input names none: the URL's host, lower-cased, without port,
// user info or a leading "www.". Hand-rolled rather than a full URL parser because only the
// authority matters and inputs are often sloppy ("www.example.com/a" without a scheme).
#include <string>

#include "crosscheck/ingest.h"

namespace crosscheck::ingest {
namespace {

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::string outlet_from_url(std::string_view url) {
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  std::string_view rest;
  size_t colon = url.find("://");
  bool has_scheme = colon != std::string_view::npos && colon > 0;
  for (size_t i = 0; has_scheme && i < colon; ++i) has_scheme = is_scheme_char(url[i]);
  if (has_scheme) {
    rest = url.substr(colon + 3);
  } else if (url.substr(0, 2) == "//") {
    rest = url.substr(2);
  } else {
    // No scheme: accept "host.tld/..." only when the first segment is clearly a host name.
    rest = url;
    size_t end = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, end);
    if (host.find('.') == std::string_view::npos) return {};
    for (char c : host) {
      if (!is_host_char(c) && c != ':') return {};
    }
  }
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {  // IPv6 literal
    size_t close = host.find(']');
    host = host.substr(0, close == std::string_view::npos ? host.size() : close + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  std::string out(host);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  if (out.rfind("www.", 0) == 0 && out.size() > 4) out.erase(0, 4);
  return out;
}

}  // namespace crosscheck::ingest
