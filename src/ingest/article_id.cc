// Article ids of single-article files (DESIGN 4.1): the base name with one compression suffix and
// then one format suffix removed, so "abc.html.gz" and "abc.html" name the same article while a
// dotted stem like "bmjv.de.konsum" survives intact.
#include <string>

#include "crosscheck/ingest.h"

namespace crosscheck::ingest {
namespace {

bool strip_suffix_ci(std::string_view& s, std::string_view suffix) {
  if (s.size() <= suffix.size()) return false;  // never strip the whole name
  std::string_view tail = s.substr(s.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = tail[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != suffix[i]) return false;
  }
  s.remove_suffix(suffix.size());
  return true;
}

}  // namespace

std::string file_article_id(std::string_view path) {
  while (!path.empty() && (path.back() == '/' || path.back() == '\\')) path.remove_suffix(1);
  size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view suffix : {".gz", ".zst", ".bz2"}) {
    if (strip_suffix_ci(name, suffix)) break;
  }
  for (std::string_view suffix : {".txt", ".html", ".htm", ".jsonl", ".json", ".warc"}) {
    if (strip_suffix_ci(name, suffix)) break;
  }
  return std::string(name);
}

}  // namespace crosscheck::ingest
