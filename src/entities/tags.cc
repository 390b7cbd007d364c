#include "src/entities/tags.h"

#include <algorithm>

namespace crosscheck::entities {
namespace {

// The prefix letter and type of a tag string: "B-PER" -> ('B', "PER"), "O" -> ('O', "").
// A tag without "X-" (other than O) is taken as an inside tag of that type.
void split_tag(const std::string& tag, char* prefix, std::string_view* type) {
  if (tag.empty() || tag == "O") {
    *prefix = 'O';
    *type = {};
    return;
  }
  if (tag.size() >= 2 && tag[1] == '-') {
    *prefix = tag[0];
    *type = std::string_view(tag).substr(2);
    return;
  }
  *prefix = 'I';
  *type = tag;
}

bool closes(char prefix) {
  return prefix == 'E' || prefix == 'L' || prefix == 'S' || prefix == 'U';
}
bool opens(char prefix) { return prefix == 'B' || prefix == 'S' || prefix == 'U'; }

}  // namespace

std::vector<Span> spans_from_tags(const std::vector<std::string>& tags) {
  std::vector<Span> spans;
  char prev_prefix = 'O';
  std::string_view prev_type;
  bool open = false;
  for (size_t i = 0; i < tags.size(); ++i) {
    char prefix;
    std::string_view type;
    split_tag(tags[i], &prefix, &type);
    bool starts = prefix != 'O' &&
                  (opens(prefix) || prev_prefix == 'O' || closes(prev_prefix) || type != prev_type);
    bool ends_before = open && (prefix == 'O' || starts);
    if (ends_before) {
      spans.back().end = static_cast<uint32_t>(i);
      open = false;
    }
    if (starts) {
      spans.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), std::string(type)});
      open = true;
    }
    if (open && closes(prefix)) {
      spans.back().end = static_cast<uint32_t>(i + 1);
      open = false;
    }
    prev_prefix = prefix;
    prev_type = type;
  }
  if (open) spans.back().end = static_cast<uint32_t>(tags.size());
  return spans;
}

std::vector<std::string> tags_from_spans(const std::vector<Span>& spans, size_t n, Scheme scheme) {
  std::vector<std::string> tags(n, "O");
  uint32_t prev_end = 0;
  std::string_view prev_type;
  for (const Span& s : spans) {
    if (s.begin >= s.end || s.end > n) continue;
    bool adjacent_same = s.begin == prev_end && s.begin > 0 && prev_type == s.type;
    for (uint32_t i = s.begin; i < s.end; ++i) tags[i] = "I-" + s.type;
    if (scheme == Scheme::kBio || adjacent_same) tags[s.begin] = "B-" + s.type;
    prev_end = s.end;
    prev_type = s.type;
  }
  return tags;
}

TagSet::TagSet(std::vector<std::string> types) : types_(std::move(types)) {
  std::sort(types_.begin(), types_.end());
  types_.erase(std::unique(types_.begin(), types_.end()), types_.end());
}

int TagSet::type_index(std::string_view type) const {
  for (size_t i = 0; i < types_.size(); ++i) {
    if (types_[i] == type) return static_cast<int>(i);
  }
  return -1;
}

bool TagSet::allowed(int from, int to) const {
  // "Outside" states: start, O, L-*, U-*: may be followed by O, B-*, U-* or the end.
  bool from_outside = from == kStart || from == 0 ||
                      position_of(uint8_t(from)) == Position::kLast ||
                      position_of(uint8_t(from)) == Position::kUnit;
  if (from_outside) {
    return to == kEnd || to == 0 || position_of(uint8_t(to)) == Position::kBegin ||
           position_of(uint8_t(to)) == Position::kUnit;
  }
  // Inside an entity (after B-X or I-X): only I-X or L-X of the same type.
  if (to == kEnd || to == 0) return false;
  Position p = position_of(uint8_t(to));
  return type_of(uint8_t(to)) == type_of(uint8_t(from)) &&
         (p == Position::kInside || p == Position::kLast);
}

std::vector<uint8_t> TagSet::encode(const std::vector<Span>& spans, size_t n) const {
  std::vector<uint8_t> out(n, 0);
  for (const Span& s : spans) {
    int t = type_index(s.type);
    if (t < 0 || s.begin >= s.end || s.end > n) continue;
    if (s.end - s.begin == 1) {
      out[s.begin] = tag(size_t(t), Position::kUnit);
      continue;
    }
    out[s.begin] = tag(size_t(t), Position::kBegin);
    for (uint32_t i = s.begin + 1; i + 1 < s.end; ++i) out[i] = tag(size_t(t), Position::kInside);
    out[s.end - 1] = tag(size_t(t), Position::kLast);
  }
  return out;
}

std::vector<Span> TagSet::decode(const uint8_t* tags, size_t n) const {
  std::vector<Span> spans;
  bool open = false;
  size_t open_type = 0;
  for (size_t i = 0; i < n; ++i) {
    uint8_t t = tags[i];
    if (t == 0) {
      open = false;
      continue;
    }
    size_t type = type_of(t);
    Position p = position_of(t);
    bool continues = open && type == open_type && (p == Position::kInside || p == Position::kLast);
    if (continues) {
      spans.back().end = static_cast<uint32_t>(i + 1);
    } else {
      spans.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), types_[type]});
      open_type = type;
    }
    open = p == Position::kBegin || p == Position::kInside;
  }
  return spans;
}

}  // namespace crosscheck::entities
