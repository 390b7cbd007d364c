// A small streaming JSON writer: objects, arrays, strings (escaped per RFC 8259), numbers, bools.
//
//   crosscheck::JsonWriter w(out);             // out: std::string
//   w.begin_object();
//   w.key("id").value("000_09714a58742ca86f");
//   w.key("removed").begin_array(); ... w.end_array();
//   w.end_object();
//
// Strings must be valid UTF-8 (everything inside crosscheck is); they are written as UTF-8 with
// only the characters JSON requires escaped, so output stays compact and readable. Commas are
// inserted automatically; misuse (a value where a key is expected) is a debug assertion.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

class JsonWriter {
 public:
  // `indent` > 0 pretty-prints with that many spaces per level; 0 writes one line.
  explicit JsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(int64_t v);
  JsonWriter& value(uint64_t v);
  JsonWriter& value(int v) { return value(static_cast<int64_t>(v)); }
  JsonWriter& value(unsigned v) { return value(static_cast<uint64_t>(v)); }
  JsonWriter& value(double v);
  JsonWriter& value(bool v);
  JsonWriter& null();
  // Writes `s` as a string, or null when it is empty.
  JsonWriter& string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }
  JsonWriter& string_array(const std::vector<std::string>& items);

  // Appends `s` escaped as a JSON string (with quotes) to `out`.
  static void write_string(std::string& out, std::string_view s);

 private:
  void before_value();
  void newline();
  std::string& out_;
  int indent_;
  // One entry per open container: true while it has no element yet.
  std::vector<bool> empty_;
  bool after_key_ = false;
};

}  // namespace crosscheck
