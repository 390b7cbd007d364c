// Per-record problems and the Status type used inside the core.
//
// One bad article is data, not an exception: every stage reports what went wrong with a record as
// a Problem and carries on with the rest of the batch.
//
//   std::vector<crosscheck::Problem> problems;
//   problems.push_back({"000_abc", "ingest", "invalid UTF-8 repaired (3 bytes)", Severity::kWarning});
#pragma once

#include <string>
#include <utility>

namespace crosscheck {

// kError: the record (or file) could not be processed and is absent from the output.
// kWarning: the record was processed but altered or partly read (e.g. invalid UTF-8 repaired).
enum class Severity { kWarning, kError };

struct Problem {
  std::string id;       // article id, or the input path when no id could be formed
  std::string stage;    // "ingest", "clean", "text", ...
  std::string message;  // what went wrong, with the numbers (line, offset, size)
  Severity severity = Severity::kError;
};

const char* severity_name(Severity s);

// Result of an operation that can fail without throwing.
class Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status error(std::string message) { return Status(std::move(message)); }
  bool is_ok() const { return !failed_; }
  explicit operator bool() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace crosscheck
