#include "crosscheck/problem.h"

namespace crosscheck {

const char* severity_name(Severity s) { return s == Severity::kError ? "error" : "warning"; }

}  // namespace crosscheck
