#include "crosscheck/facts.h"

namespace crosscheck::facts {

std::string slot_key(const Fact& f) {
  std::string key(kind_name(f.kind));
  if (f.kind == FactKind::kCount || f.kind == FactKind::kOrdinal) key += "/" + f.unit;
  return key;
}

}  // namespace crosscheck::facts
